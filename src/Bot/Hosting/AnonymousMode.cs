namespace CchcBot.Hosting;

/// <summary>
/// Anonymous mode (an empty MicrosoftAppId: no authentication, allowed only in Development or with
/// Bot:AllowAnonymous=true). In it nobody's identity is proven, so the bot talks only to loopback service URLs
/// (127.0.0.0/8, ::1, localhost): an activity from another serviceUrl is refused, and so is a proactive send to one.
/// </summary>
public sealed class AnonymousMode
{
    private readonly string? _problem;

    public AnonymousMode(IConfiguration configuration, IHostEnvironment environment, ILogger<AnonymousMode> logger)
    {
        _problem = BotFrameworkSettings.AnonymousProblem(configuration, environment.EnvironmentName);
        IsOn = BotFrameworkSettings.IsAnonymous(configuration);
        if (IsOn && _problem is null && !environment.IsDevelopment())
        {
            logger.LogWarning(
                "Anonymous mode (Bot:AllowAnonymous=true, MicrosoftAppId empty) in the {Environment} environment: requests are not authenticated; " +
                "only loopback service URLs are served and sent to",
                environment.EnvironmentName);
        }
    }

    public bool IsOn { get; }

    /// <summary>
    /// Stops whatever would send in a disallowed anonymous mode (the web host checks at start; the remind and digest
    /// commands call this before any work, so nothing is claimed or half-sent).
    /// </summary>
    /// <exception cref="SettingsException">Anonymous mode outside Development without Bot:AllowAnonymous=true.</exception>
    public void EnsureAllowed()
    {
        if (_problem is not null)
        {
            throw new SettingsException([_problem]);
        }
    }

    /// <summary>Whether the bot may call this service URL: any in authenticated mode, loopback ones in anonymous mode.</summary>
    public bool Allows(string? serviceUrl) => !IsOn || IsLoopback(serviceUrl);

    public static bool IsLoopback(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.IsLoopback;
}
