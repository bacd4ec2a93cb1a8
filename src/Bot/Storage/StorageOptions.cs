using System.Text.RegularExpressions;

namespace CchcBot.Storage;

/// <summary>Settings under "Storage".</summary>
public sealed partial class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A connection string: Azurite (UseDevelopmentStorage=true) or an account key. Ignored when AccountUrl is set.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>
    /// The account's table endpoint (https://acct.table.core.windows.net) reached with the App Service's managed
    /// identity (DefaultAzureCredential: no key in the settings). When set it wins over ConnectionString.
    /// </summary>
    public string? AccountUrl { get; set; }

    public bool UsesAccountUrl => !string.IsNullOrWhiteSpace(AccountUrl);

    /// <summary>Every table name starts with this, so several deployments (or test runs) can share an account.</summary>
    public string TablePrefix { get; set; } = "Cchc";

    /// <summary>Storage:Retry: the SDK's retries of a failed request (tables and blobs).</summary>
    public StorageRetryOptions Retry { get; set; } = new();

    public IEnumerable<string> Validate()
    {
        if (UsesAccountUrl)
        {
            if (!Uri.TryCreate(AccountUrl, UriKind.Absolute, out var url) || url.Scheme != "https" || url.AbsolutePath != "/" || url.Query.Length > 0 ||
                url.Fragment.Length > 0 || !string.IsNullOrEmpty(url.UserInfo))
            {
                yield return "Storage:AccountUrl is not a table endpoint: give https://<account>.table.core.windows.net (https, no path, no query; not repeated here in case it holds a SAS token).";
            }
        }
        else if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return "Storage:ConnectionString is empty: give an Azure Storage connection string (UseDevelopmentStorage=true for Azurite), " +
                "or Storage:AccountUrl for the managed identity.";
        }

        if (!PrefixPattern().IsMatch(TablePrefix ?? string.Empty))
        {
            yield return $"Storage:TablePrefix '{TablePrefix}' is invalid: 1–30 letters or digits, starting with a letter (Azure table names allow nothing else).";
        }

        foreach (var problem in (Retry ?? new()).Validate())
        {
            yield return problem;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,29}$")]
    private static partial Regex PrefixPattern();
}
