using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Storage;

/// <summary>Fresh tables (a unique prefix) on the shared Azurite for each test class instance.</summary>
public static class TestTables
{
    public static CchcTables Create(string? prefix = null) =>
        new(AzuriteServer.Shared.ConnectionString, prefix ?? AzuriteServer.NewPrefix());
}
