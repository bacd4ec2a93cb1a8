namespace CchcBot.Hosting;

/// <summary>The Bot Framework's own settings (root keys, read by ConfigurationBotFrameworkAuthentication).</summary>
public static class BotFrameworkSettings
{
    private static readonly string[] AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

    public static bool IsAnonymous(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

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
