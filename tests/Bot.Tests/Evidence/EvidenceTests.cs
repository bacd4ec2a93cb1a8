using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Cards;
using CchcBot.Evidence;
using CchcBot.Plan;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Evidence;

/// <summary>
/// Evidence files (tài liệu kiểm chứng) end to end: a head sends a file in the personal chat (from a loopback file host),
/// the bot keeps it in Blob Storage (Azurite, read back here with a client of its own) and offers the milestones to
/// attach it to; attaching lists it on the task card with a /files/{token} link served by the bot.
/// </summary>
public sealed partial class EvidenceTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");
    private FakeFileHost _files = null!;
    private BotHarness _bot = null!;
    private TeamsUser _office = null!;
    private TeamsUser _nv1 = null!;
    private TeamsUser _nv2 = null!;

    public async Task InitializeAsync()
    {
        _files = await FakeFileHost.StartAsync();
        _bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Import:AllowedDownloadHosts:0"] = "127.0.0.1" });
        await _bot.SeedAsync();
        _office = _bot.Register(SampleUsers.ChiefOfOffice());
        _nv1 = _bot.Register(SampleUsers.Nv1Head());
        _nv2 = _bot.Register(SampleUsers.Nv2Head());
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _files.DisposeAsync();
    }

    /// <summary>The agency's container, through a client of the test's own on the same Azurite.</summary>
    private BlobContainerClient Container()
    {
        var prefix = _bot.Tables.NameOf(string.Empty);
        var names = new CchcBlobs(new BlobServiceClient(AzuriteServer.Shared.ConnectionString), prefix);
        return new BlobServiceClient(AzuriteServer.Shared.ConnectionString).GetBlobContainerClient(names.AgencyContainerName(SamplePlans.Agency));
    }

    /// <summary>Where unattached uploads wait: "{prefix}-uploads", the container the Bicep lifecycle rule names.</summary>
    private BlobContainerClient Uploads() =>
        new BlobServiceClient(AzuriteServer.Shared.ConnectionString).GetBlobContainerClient(_bot.Tables.NameOf(string.Empty).ToLowerInvariant() + "-uploads");

    /// <summary>The blobs of the agency's container, then those of the uploads container as "uploads:{name}".</summary>
    private async Task<List<string>> BlobNamesAsync()
    {
        var names = new List<string>();
        foreach (var (container, label) in new[] { (Container(), string.Empty), (Uploads(), "uploads:") })
        {
            if (!await container.ExistsAsync())
            {
                continue;
            }

            await foreach (var blob in container.GetBlobsAsync())
            {
                names.Add(label + blob.Name);
            }
        }

        return names;
    }

    private async Task<ConnectorCall> SendFileAsync(TeamsUser user, string name, byte[] content)
    {
        _bot.Connector.Clear();
        using var response = await _bot.PostAsync(Activities.FileMessage(_bot.Connector.ServiceUrl, user, name, _files.Add(content)));
        Assert.Equal(200, (int)response.StatusCode);
        return Assert.Single(_bot.Connector.Sent);
    }

    /// <summary>Sends a file and returns the picker card's choices: (uploadId, taskId, milestoneId, button style).</summary>
    private async Task<(JsonObject Card, List<JsonObject> Choices)> OfferAsync(TeamsUser user, string name, byte[]? content = null)
    {
        var sent = await SendFileAsync(user, name, content ?? Pdf);
        var card = sent.Card ?? throw new Xunit.Sdk.XunitException("no card: " + sent.Text);
        CardAssert.Valid(card);
        var choices = Actions(card).Where(a => a["verb"]?.GetValue<string>() == CardContract.Verbs.AttachEvidence).Select(a => a["data"]!.AsObject()).ToList();
        return (card, choices);
    }

    private static IEnumerable<JsonObject> Actions(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Action.Execute" => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Actions(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Actions(n)),
        _ => [],
    };

    private Task<(int HttpStatus, JsonNode? Body)> AttachAsync(TeamsUser user, string uploadId, string taskId, string milestoneId) =>
        _bot.InvokeAsync(user, CardContract.Verbs.AttachEvidence, new JsonObject { ["uploadId"] = uploadId, ["taskId"] = taskId, ["milestoneId"] = milestoneId });

    private static string Text(JsonNode? body) => body!["value"]!.Readably();

    [GeneratedRegex(@"\((http://[^)\s]+/files/[0-9a-f]{48})\)")]
    private static partial Regex FileLink();

    [Fact]
    public async Task A_heads_pdf_is_kept_in_blob_storage_attached_to_their_milestone_and_downloaded_through_the_bot()
    {
        const string name = "Báo cáo kết quả rà soát – số 12.pdf";
        var (card, choices) = await OfferAsync(_nv1, name);

        // The head of NV1 leads TC-3 (professional departments) only: its open milestone is the one offered.
        var choice = Assert.Single(choices);
        Assert.Equal("TC-3", choice["taskId"]!.GetValue<string>());
        Assert.Equal("TC-3-1", choice["milestoneId"]!.GetValue<string>());
        Assert.Contains(name, card.Readably(), StringComparison.Ordinal);
        var uploadId = choice["uploadId"]!.GetValue<string>();

        // Stored before the card was sent, as pending, in the uploads container: the blob, its content type, its bytes.
        var blob = Uploads().GetBlobClient(uploadId);
        var stored = await blob.DownloadContentAsync();
        Assert.Equal(Pdf, stored.Value.Content.ToArray());
        Assert.Equal("application/pdf", stored.Value.Details.ContentType);
        Assert.Equal(["uploads:" + uploadId], await BlobNamesAsync());

        var (status, body) = await AttachAsync(_nv1, uploadId, "TC-3", "TC-3-1");

        Assert.Equal(200, status);
        // Attached: kept in the agency's container, gone from the uploads container.
        Assert.Equal(["evidence/" + uploadId], await BlobNamesAsync());
        var kept = await Container().GetBlobClient("evidence/" + uploadId).DownloadContentAsync();
        Assert.Equal(Pdf, kept.Value.Content.ToArray());
        Assert.Equal("application/pdf", kept.Value.Details.ContentType);
        var taskCard = body!["value"]!;
        CardAssert.Valid(taskCard);
        var json = Text(body);
        Assert.Contains("Đã đính kèm tài liệu kiểm chứng", json, StringComparison.Ordinal);
        Assert.Contains(EvidencePickerCard.FilesTitle, json, StringComparison.Ordinal);
        Assert.Contains("đính kèm tài liệu kiểm chứng “" + name + "”", json, StringComparison.Ordinal); // the history's entry
        var link = FileLink().Match(taskCard.ToJsonString()).Groups[1].Value;
        Assert.StartsWith(_bot.Http.BaseAddress!.ToString().TrimEnd('/') + "/files/", link, StringComparison.Ordinal);

        using var download = await _bot.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(name, download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.True(download.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff");

        // Opening the task again (a card refresh) lists the file with a fresh link.
        var (_, refreshed) = await _bot.InvokeAsync(_nv1, "refreshTask", new JsonObject { ["taskId"] = "TC-3", ["milestoneId"] = "TC-3-1" });
        Assert.Matches(FileLink(), refreshed!["value"]!.ToJsonString());
    }

    [Fact]
    public async Task The_milestone_updated_just_before_sending_is_offered_first()
    {
        var (_, before) = await OfferAsync(_office, "ke-hoach.pdf");
        Assert.Equal("TC-1-1", before[0]["milestoneId"]!.GetValue<string>()); // the earliest due otherwise

        await new ProgressRepository(_bot.Tables).RecordAsync(new ProgressUpdate(
            SamplePlans.Agency, "TC-1", "TC-1-2", "op-1", "chanhvanphong@example.gov.vn", "Nguyễn Văn An", BotHarness.DefaultNow.AddMinutes(-10),
            MilestoneStatus.InProgress, "Đang tổng hợp", null));
        var (card, after) = await OfferAsync(_office, "bao-cao.pdf");

        Assert.Equal("TC-1-2", after[0]["milestoneId"]!.GetValue<string>());
        Assert.Contains(EvidencePickerCard.RecentMark, card.Readably(), StringComparison.Ordinal);

        _bot.Time.Advance(TimeSpan.FromMinutes(25)); // 35 minutes after the update: no longer "right after"
        var (_, later) = await OfferAsync(_office, "bao-cao-2.pdf");
        Assert.Equal("TC-1-1", later[0]["milestoneId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("anh.gif", new byte[] { 0x47, 0x49, 0x46, 0x38 }, "không phải loại tài liệu kiểm chứng")]
    [InlineData("bang-tinh.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "không phải loại tài liệu kiểm chứng")]
    [InlineData("gia-mao.pdf", new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, "không đúng định dạng theo tên tệp")]
    public async Task A_file_of_another_type_is_refused_in_Vietnamese_and_nothing_is_stored(string name, byte[] content, string expected)
    {
        var sent = await SendFileAsync(_nv1, name, content);

        Assert.Null(sent.Card);
        Assert.Contains(expected, sent.Text, StringComparison.Ordinal);
        Assert.Empty(await BlobNamesAsync());
    }

    [Fact]
    public async Task Someone_not_leading_the_milestone_cannot_attach_to_it_and_the_upload_stays_pending()
    {
        var (_, choices) = await OfferAsync(_nv1, "bien-ban.pdf");
        var uploadId = choices[0]["uploadId"]!.GetValue<string>();

        var (_, refused) = await AttachAsync(_nv1, uploadId, "TC-1", "TC-1-1"); // led by the Office

        Assert.Contains("không thuộc đơn vị chủ trì", Text(refused), StringComparison.Ordinal);
        Assert.Empty(await _bot.Services.GetRequiredService<EvidenceStore>().FilesOfTaskAsync(SamplePlans.Agency, SamplePlans.Agency, "TC-1", default));
        var (_, attached) = await AttachAsync(_nv1, uploadId, "TC-3", "TC-3-1");
        Assert.Contains("Đã đính kèm", Text(attached), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_persons_upload_cannot_be_attached()
    {
        var (_, choices) = await OfferAsync(_nv1, "bien-ban.pdf");
        var uploadId = choices[0]["uploadId"]!.GetValue<string>();

        var (_, refused) = await AttachAsync(_nv2, uploadId, "TC-3", "TC-3-1"); // NV2 co-leads TC-3, but did not send the file

        Assert.Contains("do người khác gửi", Text(refused), StringComparison.Ordinal);
        Assert.Empty(await _bot.Services.GetRequiredService<EvidenceStore>().FilesOfTaskAsync(SamplePlans.Agency, SamplePlans.Agency, "TC-3", default));
    }

    [Fact]
    public async Task An_upload_not_attached_within_24_hours_is_refused_then_swept_from_blob_storage()
    {
        var (_, choices) = await OfferAsync(_nv1, "tre.pdf");
        var uploadId = choices[0]["uploadId"]!.GetValue<string>();

        _bot.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var (_, refused) = await AttachAsync(_nv1, uploadId, "TC-3", "TC-3-1");

        // (The bot's own cleanup may have swept it already: the answer is the same.)
        Assert.Contains("đã quá 24 giờ", Text(refused), StringComparison.Ordinal);
        await _bot.Services.GetRequiredService<StorageCleanup>().SweepAsync(default);
        Assert.Empty(await BlobNamesAsync());
        var (_, swept) = await AttachAsync(_nv1, uploadId, "TC-3", "TC-3-1");
        Assert.Contains("đã quá 24 giờ", Text(swept), StringComparison.Ordinal);
        Assert.Empty(await _bot.Services.GetRequiredService<EvidenceStore>().FilesOfTaskAsync(SamplePlans.Agency, SamplePlans.Agency, "TC-3", default));
    }

    [Fact]
    public async Task An_attached_upload_is_kept_by_the_sweep()
    {
        var (_, choices) = await OfferAsync(_nv1, "giu-lai.pdf");
        await AttachAsync(_nv1, choices[0]["uploadId"]!.GetValue<string>(), "TC-3", "TC-3-1");

        _bot.Time.Advance(TimeSpan.FromDays(3));
        await _bot.Services.GetRequiredService<StorageCleanup>().SweepAsync(default);

        Assert.StartsWith("evidence/", Assert.Single(await BlobNamesAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_whose_record_was_never_written_leaves_the_uploads_container_25_hours_later()
    {
        var (_, choices) = await OfferAsync(_nv1, "mo-coi.pdf");
        var uploadId = choices[0]["uploadId"]!.GetValue<string>();
        // As if the bot had stopped between storing the bytes and writing their record.
        var table = await _bot.Tables.GetAsync(EvidenceStore.Table);
        await table.DeleteEntityAsync(TableKeys.Compose(SamplePlans.Agency, "evidence"), TableKeys.Compose("u", uploadId));
        var cleanup = _bot.Services.GetRequiredService<StorageCleanup>();

        _bot.Time.Advance(EvidenceStore.PendingLifetime);
        await cleanup.SweepAsync(default);
        Assert.Equal(["uploads:" + uploadId], await BlobNamesAsync()); // within the limit (24 h, and an hour's grace): kept

        _bot.Time.Advance(EvidenceStore.OrphanGrace + TimeSpan.FromMinutes(1));
        await cleanup.SweepAsync(default);
        Assert.Empty(await BlobNamesAsync());
    }

    [Fact]
    public async Task An_upload_kept_where_uploads_waited_before_the_uploads_container_is_attached_or_swept_there()
    {
        // Two uploads recorded as the previous version did: the bytes under "evidence/{id}" of the agency's container.
        var container = Container();
        await container.CreateIfNotExistsAsync();
        var table = await _bot.Tables.GetAsync(EvidenceStore.Table);
        async Task<string> LegacyAsync(string name)
        {
            var id = Guid.NewGuid().ToString("N");
            await container.GetBlobClient("evidence/" + id).UploadAsync(new BinaryData(Pdf));
            var now = _bot.Time.GetUtcNow();
            await table.AddEntityAsync(new Azure.Data.Tables.TableEntity(TableKeys.Compose(SamplePlans.Agency, "evidence"), TableKeys.Compose("u", id))
            {
                ["By"] = "truongphong.nv1@example.gov.vn",
                ["ByName"] = "Trần Thị Bình",
                ["FileName"] = name,
                ["ContentType"] = "application/pdf",
                ["Size"] = (long)Pdf.Length,
                ["At"] = now,
                ["Expires"] = now + EvidenceStore.PendingLifetime,
                ["State"] = EvidenceStore.Pending,
            });
            return id;
        }

        var attached = await LegacyAsync("cu-dinh-kem.pdf");
        var left = await LegacyAsync("cu-bo-quen.pdf");

        var (_, body) = await AttachAsync(_nv1, attached, "TC-3", "TC-3-1");
        var link = FileLink().Match(body!["value"]!.ToJsonString()).Groups[1].Value;
        using (var download = await _bot.Http.GetAsync(link))
        {
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        }

        _bot.Time.Advance(EvidenceStore.PendingLifetime + TimeSpan.FromMinutes(1));
        await _bot.Services.GetRequiredService<StorageCleanup>().SweepAsync(default);
        Assert.Equal(["evidence/" + attached], await BlobNamesAsync());
        Assert.DoesNotContain(left, string.Join(",", await BlobNamesAsync()));
    }

    [Fact]
    public async Task Attaching_twice_answers_that_it_is_done_and_attaches_once()
    {
        var (_, choices) = await OfferAsync(_office, "quyet-dinh.pdf");
        var uploadId = choices[0]["uploadId"]!.GetValue<string>();
        await AttachAsync(_office, uploadId, "TC-1", "TC-1-1");

        var (_, same) = await AttachAsync(_office, uploadId, "TC-1", "TC-1-1");
        var (_, other) = await AttachAsync(_office, uploadId, "TC-1", "TC-1-2");

        Assert.Contains("đã được đính kèm vào sản phẩm “Kế hoạch” trước đó", Text(same), StringComparison.Ordinal);
        Assert.Contains("đã được đính kèm", Text(other), StringComparison.Ordinal);
        var files = await _bot.Services.GetRequiredService<EvidenceStore>().FilesOfTaskAsync(SamplePlans.Agency, SamplePlans.Agency, "TC-1", default);
        Assert.Equal("TC-1-1", Assert.Single(files).MilestoneId);
    }

    [Fact]
    public async Task A_files_link_serves_its_own_file_only_and_expires_after_24_hours()
    {
        var first = await AttachedLinkAsync("mot.pdf", Pdf);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        var second = await AttachedLinkAsync("hai.png", png);

        using (var a = await _bot.Http.GetAsync(first))
        using (var b = await _bot.Http.GetAsync(second))
        {
            Assert.Equal(Pdf, await a.Content.ReadAsByteArrayAsync());
            Assert.Equal(png, await b.Content.ReadAsByteArrayAsync());
            Assert.Equal("image/png", b.Content.Headers.ContentType!.MediaType);
        }

        var token = first[^48..];
        foreach (var forged in new[] { token[..^1] + (token[^1] == 'a' ? 'b' : 'a'), token.ToUpperInvariant(), token[..40], "../" + token, "0" })
        {
            using var refused = await _bot.Http.GetAsync("/files/" + Uri.EscapeDataString(forged));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        _bot.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        using var expired = await _bot.Http.GetAsync(first);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }

    [Fact]
    public async Task A_files_download_answers_503_while_storage_is_down()
    {
        await using var down = await BotHarness.StartAsync(connectionString: AzuriteServer.UnreachableConnectionString);

        using var response = await down.Http.GetAsync("/files/" + new string('a', 48));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private async Task<string> AttachedLinkAsync(string name, byte[] content)
    {
        var (_, choices) = await OfferAsync(_nv1, name, content);
        var (_, body) = await AttachAsync(_nv1, choices[0]["uploadId"]!.GetValue<string>(), "TC-3", "TC-3-1");
        var text = body!["value"]!.Readably();
        var at = text.IndexOf("[" + name + "](", StringComparison.Ordinal);
        Assert.True(at >= 0, "no link for " + name);
        return FileLink().Match(text, at).Groups[1].Value;
    }
}
