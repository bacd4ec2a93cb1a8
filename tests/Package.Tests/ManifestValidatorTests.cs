using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace CchcBot.Package.Tests;

/// <summary>The validator must be able to fail: each broken package is rejected with a message naming the problem.</summary>
public sealed class ManifestValidatorTests
{
    private static readonly (byte, byte, byte, byte) White = (255, 255, 255, 255);
    private static readonly (byte, byte, byte, byte) Transparent = (0, 0, 0, 0);

    [Fact]
    public async Task Unknown_property_is_a_schema_error()
    {
        using var package = new ManifestPackage(m => m["reminderColour"] = "red");

        await ManifestValidator.AssertRejectedAsync(package.ManifestPath, "schema v1.28", "additionalProperty", "reminderColour");
    }

    [Fact]
    public async Task Missing_required_field_is_a_schema_error()
    {
        using var package = new ManifestPackage(m => m["developer"]!.AsObject().Remove("privacyUrl"));

        await ManifestValidator.AssertRejectedAsync(package.ManifestPath, "schema v1.28", "privacyUrl");
    }

    [Fact]
    public async Task Bot_id_that_is_not_a_guid_is_a_schema_error()
    {
        using var package = new ManifestPackage(m => m["bots"]![0]!["botId"] = "cchc-bot");

        await ManifestValidator.AssertRejectedAsync(package.ManifestPath, "/bots/0/botId");
    }

    [Fact]
    public async Task Manifest_version_without_an_offline_schema_is_rejected()
    {
        using var package = new ManifestPackage(m => m["manifestVersion"] = "9.99");

        await ManifestValidator.AssertRejectedAsync(package.ManifestPath, "has no schema offline");
    }

    [Fact]
    public async Task Placeholder_left_unfilled_is_rejected()
    {
        using var package = new ManifestPackage(fill: false);

        await ManifestValidator.AssertRejectedAsync(package.ManifestPath, "placeholder(s) not filled", "${{BOT_ID}}");
    }

    [Fact]
    public async Task Outline_icon_of_the_wrong_size_is_rejected()
    {
        using var package = new ManifestPackage();
        package.ReplaceFile("outline.png", PngImage.Write(48, 48, (x, y) => x < 24 ? White : Transparent));

        await ManifestValidator.AssertRejectedAsync(package.ManifestPath, "icon outline (outline.png) is 48×48, must be 32×32");
    }

    [Fact]
    public async Task Colour_icon_of_the_wrong_size_is_rejected()
    {
        using var package = new ManifestPackage();
        package.ReplaceFile("color.png", PngImage.Write(96, 96, (_, _) => (31, 95, 174, 255)));

        await ManifestValidator.AssertRejectedAsync(package.ManifestPath, "icon color (color.png) is 96×96, must be 192×192");
    }

    [Fact]
    public async Task Outline_icon_with_a_coloured_pixel_is_rejected()
    {
        using var package = new ManifestPackage();
        package.ReplaceFile("outline.png", PngImage.Write(32, 32, (x, y) => (x, y) == (5, 7) ? ((byte)255, (byte)0, (byte)0, (byte)128) : White));

        await ManifestValidator.AssertRejectedAsync(package.ManifestPath, "1 pixel(s) are neither white nor transparent, first at (5, 7)");
    }

    [Fact]
    public async Task Icon_that_is_not_a_png_is_rejected()
    {
        using var package = new ManifestPackage();
        package.ReplaceFile("color.png", Encoding.ASCII.GetBytes("GIF89a not a png at all"));

        await ManifestValidator.AssertRejectedAsync(package.ManifestPath, "icon color (color.png) is not a PNG file");
    }

    [Fact]
    public async Task Truncated_png_icon_is_rejected()
    {
        using var package = new ManifestPackage();
        var whole = File.ReadAllBytes(Path.Combine(RepositoryPaths.Manifest, "outline.png"));
        package.ReplaceFile("outline.png", whole[..60]);

        await ManifestValidator.AssertRejectedAsync(package.ManifestPath, "icon outline (outline.png) is not a readable PNG");
    }

    [Fact]
    public async Task Missing_icon_file_is_rejected()
    {
        using var package = new ManifestPackage(m => m["icons"]!["color"] = "missing.png");

        await ManifestValidator.AssertRejectedAsync(package.ManifestPath, "file missing.png is missing");
    }

    [Fact]
    public async Task Command_list_with_a_missing_command_is_rejected()
    {
        using var package = new ManifestPackage(m =>
            m["bots"]![0]!["commandLists"]![1]!["commands"]!.AsArray().RemoveAt(2));

        await ManifestValidator.AssertRejectedAsync(package.ManifestPath, "commandLists (team)", "đặt kênh tổng hợp");
    }

    [Fact]
    public async Task Command_list_with_an_extra_command_is_rejected()
    {
        using var package = new ManifestPackage(m =>
            m["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray()
                .Add(new JsonObject { ["title"] = "xoá dữ liệu", ["description"] = "Không có lệnh này." }));

        await ManifestValidator.AssertRejectedAsync(package.ManifestPath, "commandLists (personal)", "xoá dữ liệu");
    }

    [Fact]
    public async Task Missing_web_application_info_is_rejected()
    {
        using var package = new ManifestPackage(m => m.Remove("webApplicationInfo"));

        await ManifestValidator.AssertRejectedAsync(package.ManifestPath, "webApplicationInfo");
    }

    [Fact]
    public async Task Zip_written_by_another_tool_is_read_and_valid()
    {
        using var package = new ManifestPackage();
        var zipPath = Zip(package, name => name, CompressionLevel.Optimal);

        await ManifestValidator.AssertValidAsync(zipPath);
    }

    [Fact]
    public async Task Zip_with_the_manifest_in_a_folder_is_rejected()
    {
        using var package = new ManifestPackage();
        var zipPath = Zip(package, name => "app/" + name, CompressionLevel.Optimal);

        await ManifestValidator.AssertRejectedAsync(zipPath, "manifest.json is missing from the zip root");
    }

    [Fact]
    public async Task Zip_with_a_damaged_entry_is_rejected()
    {
        using var package = new ManifestPackage();
        var zipPath = Zip(package, name => name, CompressionLevel.NoCompression);
        var bytes = File.ReadAllBytes(zipPath);
        var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("\"manifestVersion\""));
        Assert.True(at > 0, "the stored manifest text is in the zip");
        bytes[at + 1] = (byte)'M'; // same size, different content: only the CRC can tell
        File.WriteAllBytes(zipPath, bytes);

        await ManifestValidator.AssertRejectedAsync(zipPath, "zip entry manifest.json fails its CRC check");
    }

    /// <summary>The package's three files zipped by .NET's own writer, each under the name <paramref name="entryName"/> gives.</summary>
    private static string Zip(ManifestPackage package, Func<string, string> entryName, CompressionLevel level)
    {
        var zipPath = Path.Combine(package.Folder, "package.zip");
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var name in new[] { "manifest.json", "color.png", "outline.png" })
        {
            zip.CreateEntryFromFile(Path.Combine(package.Folder, name), entryName(name), level);
        }

        return zipPath;
    }
}
