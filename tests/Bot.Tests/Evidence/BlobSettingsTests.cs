using CchcBot.Hosting;
using CchcBot.Storage;

namespace CchcBot.Bot.Tests.Evidence;

/// <summary>Where the bot's blobs live: the tables' account (its blob endpoint), or Storage:BlobAccountUrl.</summary>
public sealed class BlobSettingsTests
{
    [Fact]
    public void With_a_connection_string_the_blobs_use_it()
    {
        Assert.Null(BlobStorageOptions.BlobEndpoint(new StorageOptions(), new BlobStorageOptions()));
    }

    [Fact]
    public void With_the_managed_identity_the_blob_endpoint_is_the_table_endpoints_account()
    {
        var storage = new StorageOptions { AccountUrl = "https://stcchc.table.core.windows.net" };

        Assert.Equal(new Uri("https://stcchc.blob.core.windows.net/"), BlobStorageOptions.BlobEndpoint(storage, new BlobStorageOptions()));
        Assert.Equal(
            new Uri("https://other.blob.core.windows.net/"),
            BlobStorageOptions.BlobEndpoint(storage, new BlobStorageOptions { BlobAccountUrl = "https://other.blob.core.windows.net" }));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("http://stcchc.blob.core.windows.net")]
    [InlineData("https://stcchc.blob.core.windows.net/container")]
    [InlineData("https://stcchc.blob.core.windows.net/?sv=2024&sig=secret")]
    public void An_invalid_BlobAccountUrl_stops_the_start_naming_the_setting(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:BlobAccountUrl"] = value }).Build();

        var e = Assert.Throws<SettingsException>(() => SettingsCheck.Ensure(configuration));

        var problem = Assert.Single(e.Problems, p => p.StartsWith("Storage:BlobAccountUrl", StringComparison.Ordinal));
        Assert.DoesNotContain("secret", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Container_names_are_valid_and_never_the_agency_id()
    {
        var blobs = new CchcBlobs(new Azure.Storage.Blobs.BlobServiceClient("UseDevelopmentStorage=true"), "Cchc");

        var name = blobs.AgencyContainerName("Thanh tra tỉnh/../Sóc Trăng");

        Assert.Matches("^cchc-a-[0-9a-f]{20}$", name);
        Assert.Equal(name, blobs.AgencyContainerName("Thanh tra tỉnh/../Sóc Trăng"));
        Assert.NotEqual(name, blobs.AgencyContainerName("thanh-tra-khac"));
        Assert.Equal("cchc-reports", blobs.ReportsContainerName);
    }
}
