using CchcBot.Bot.Tests.Support;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Files;

/// <summary>
/// Files sent to the bot in the personal chat: downloaded only from the allowed hosts, never over the size limit or the
/// timeout, never by following a redirect; each failure a Vietnamese sentence. A loopback host stands in for SharePoint.
/// </summary>
public sealed class IncomingFilesTests : IAsyncLifetime
{
    private FakeFileHost _files = null!;
    private BotHarness _bot = null!;
    private TeamsUser _inspector = null!;

    public async Task InitializeAsync()
    {
        _files = await FakeFileHost.StartAsync();
        _bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Import:AllowedDownloadHosts:0"] = "127.0.0.1",
            ["Import:DownloadTimeoutSeconds"] = "2",
        });
        await _bot.SeedAsync();
        _inspector = _bot.Register(SampleUsers.ChiefInspector());
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _files.DisposeAsync();
    }

    private async Task<string> SendFileAsync(TeamsUser user, string name, string url)
    {
        _bot.Connector.Clear();
        using var response = await _bot.PostAsync(Activities.FileMessage(_bot.Connector.ServiceUrl, user, name, url));
        Assert.Equal(200, (int)response.StatusCode);
        return Assert.Single(_bot.Connector.Sent).Text!;
    }

    [Fact]
    public async Task A_file_from_a_host_not_allowed_is_not_downloaded()
    {
        var url = _files.Add([1, 2, 3]).Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        var reply = await SendFileAsync(_inspector, "ke-hoach.docx", url);

        Assert.Contains("không nằm trong kho lưu trữ", reply, StringComparison.Ordinal);
        Assert.Empty(_files.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_file_over_20_MB_is_refused_whatever_its_length_header_says(bool hideLength)
    {
        var url = _files.Add(new byte[(20 * 1024 * 1024) + 1], hideLength: hideLength);

        var reply = await SendFileAsync(_inspector, "lon.pdf", url);

        Assert.Contains("vượt quá dung lượng cho phép (20 MB)", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        var target = _files.Add([1, 2, 3]);
        var url = _files.Add([], redirectTo: target);

        var reply = await SendFileAsync(_inspector, "chuyen-huong.pdf", url);

        Assert.Contains("Không tải được tệp “chuyen-huong.pdf”", reply, StringComparison.Ordinal);
        Assert.Single(_files.Requests);
    }

    [Fact]
    public async Task A_download_slower_than_the_timeout_is_abandoned()
    {
        var url = _files.Add([1, 2, 3], delay: TimeSpan.FromSeconds(10));

        var reply = await SendFileAsync(_inspector, "cham.pdf", url);

        Assert.Contains("trong thời gian cho phép", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_not_in_any_directory_is_told_so_and_nothing_is_downloaded()
    {
        var stranger = _bot.Register(BotHarness.User("khach@example.com", "Khách"));

        var reply = await SendFileAsync(stranger, "tep.pdf", _files.Add([1, 2, 3]));

        Assert.Contains("chưa có trong danh bạ", reply, StringComparison.Ordinal);
        Assert.Empty(_files.Requests);
    }

    [Fact]
    public async Task A_file_no_flow_takes_is_answered_with_what_the_bot_accepts()
    {
        var reply = await SendFileAsync(_inspector, "anh.gif", _files.Add([0x47, 0x49, 0x46]));

        Assert.Contains("chưa sử dụng được tệp “anh.gif”", reply, StringComparison.Ordinal);
        Assert.Single(_files.Requests);
    }
}
