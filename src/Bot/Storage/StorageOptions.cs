using System.Text.RegularExpressions;

namespace CchcBot.Storage;

/// <summary>Settings under "Storage".</summary>
public sealed partial class StorageOptions
{
    public const string Section = "Storage";

    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Every table name starts with this, so several deployments (or test runs) can share an account.</summary>
    public string TablePrefix { get; set; } = "Cchc";

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return "Storage:ConnectionString is empty: give an Azure Storage connection string (UseDevelopmentStorage=true for Azurite).";
        }

        if (!PrefixPattern().IsMatch(TablePrefix ?? string.Empty))
        {
            yield return $"Storage:TablePrefix '{TablePrefix}' is invalid: 1–30 letters or digits, starting with a letter (Azure table names allow nothing else).";
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,29}$")]
    private static partial Regex PrefixPattern();
}
