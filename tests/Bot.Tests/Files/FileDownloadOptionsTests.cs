using CchcBot.Teams.Files;

namespace CchcBot.Bot.Tests.Files;

public sealed class FileDownloadOptionsTests
{
    [Theory]
    [InlineData("https://contoso.sharepoint.com/personal/a/file.docx", true)]
    [InlineData("https://contoso-my.sharepoint.us/x", true)]
    [InlineData("https://sharepoint.com/x", false)]
    [InlineData("https://evilsharepoint.com/x", false)]
    [InlineData("https://contoso.sharepoint.com.evil.net/x", false)]
    [InlineData("http://contoso.sharepoint.com/x", false)]
    [InlineData("https://user:pw@contoso.sharepoint.com/x", false)]
    [InlineData("ftp://contoso.sharepoint.com/x", false)]
    public void The_default_hosts_are_SharePoint_over_HTTPS_only(string address, bool allowed) =>
        Assert.Equal(allowed, new FileDownloadOptions().Allows(new Uri(address)));

    [Fact]
    public void A_loopback_host_may_be_allowed_over_plain_HTTP_for_tests()
    {
        var options = new FileDownloadOptions { AllowedDownloadHosts = ["127.0.0.1"] };

        Assert.True(options.Allows(new Uri("http://127.0.0.1:5000/download/1")));
        Assert.False(options.Allows(new Uri("https://contoso.sharepoint.com/x")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("a.*.com")]
    [InlineData("bad host")]
    public void A_malformed_host_is_a_settings_problem(string host) =>
        Assert.NotEmpty(new FileDownloadOptions { AllowedDownloadHosts = [host] }.Validate());
}
