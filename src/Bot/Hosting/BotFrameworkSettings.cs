namespace CchcBot.Hosting;

/// <summary>The Bot Framework's own settings (root keys, read by ConfigurationBotFrameworkAuthentication).</summary>
public static class BotFrameworkSettings
{
    private static readonly string[] AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

    public static bool IsAnonymous(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    public static bool IsDevelopment(string environmentName) =>
        string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase);

    /// <summary>Bot:AllowAnonymous, read leniently (an invalid value is reported by the Bot section's binding).</summary>
    public static bool AllowsAnonymous(IConfiguration configuration) =>
        bool.TryParse(configuration["Bot:AllowAnonymous"], out var allowed) && allowed;

    /// <summary>
    /// Anonymous mode (no authentication) is allowed only in the Development environment or with Bot:AllowAnonymous=true;
    /// checked by the web host and by whatever sends (the remind and digest commands).
    /// </summary>
    public static string? AnonymousProblem(IConfiguration configuration, string environmentName) =>
        IsAnonymous(configuration) && !IsDevelopment(environmentName) && !AllowsAnonymous(configuration)
            ? $"MicrosoftAppId is empty in the {environmentName} environment, which would run the bot without authentication: " +
              "set MicrosoftAppId (with MicrosoftAppPassword), or set Bot:AllowAnonymous=true to run anonymously on purpose " +
              "(loopback service URLs only), or use the Development environment."
            : null;

    /// <summary>The web host with authentication outside Development must know its public address (links it sends).</summary>
    public static string? PublicBaseUrlProblem(IConfiguration configuration, string environmentName) =>
        !IsAnonymous(configuration) && !IsDevelopment(environmentName) && string.IsNullOrWhiteSpace(configuration["Bot:PublicBaseUrl"])
            ? $"Bot:PublicBaseUrl is empty in the {environmentName} environment: give the bot's public https address " +
              "(e.g. https://cchcbot.azurewebsites.net); the links the bot sends (report downloads) are built on it."
            : null;

    public static IEnumerable<string> Validate(IConfiguration configuration)
    {
        var appId = configuration["MicrosoftAppId"];

        var appType = configuration["MicrosoftAppType"];
        if (!string.IsNullOrWhiteSpace(appType) && !AppTypes.Contains(appType, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"MicrosoftAppType '{appType}' is not one of {string.Join(", ", AppTypes)}.";
        }

        if (string.IsNullOrWhiteSpace(appId))
        {
            yield break;
        }

        if (!Guid.TryParse(appId, out _))
        {
            yield return $"MicrosoftAppId '{appId}' is not an application (client) id (GUID).";
        }

        var isMsi = string.Equals(appType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
        if (!isMsi && string.IsNullOrWhiteSpace(configuration["MicrosoftAppPassword"]))
        {
            yield return "MicrosoftAppPassword is empty while MicrosoftAppId is set: give the client secret of the bot's app registration.";
        }

        var tenant = configuration["MicrosoftAppTenantId"];
        if (!string.Equals(appType, "MultiTenant", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(appType) && !Guid.TryParse(tenant, out _))
        {
            yield return $"MicrosoftAppTenantId '{tenant}' must be the tenant id (GUID) for MicrosoftAppType {appType}.";
        }
    }
}
