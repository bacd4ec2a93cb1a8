using System.Globalization;
using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>A milestone a received file can be attached to.</summary>
/// <param name="Recent">The milestone the sender updated just before sending the file: offered first, marked so.</param>
public sealed record EvidenceChoiceView(string TaskId, string MilestoneId, string TaskTitle, string Deliverable, DateOnly? Due, StatusView Status, bool Recent);

/// <summary>A file attached to a milestone, as the task card lists it.</summary>
/// <param name="Url">The bot's download link (/files/{token}); null when no link could be made.</param>
/// <param name="Milestone">The milestone the file is attached to ("Kế hoạch · Hạn: 31/01/2026"), when the card lists the
/// files of several milestones; null otherwise.</param>
public sealed record EvidenceFileView(string FileName, long Size, string By, DateTime At, string? Url, string? Milestone = null);

/// <summary>
/// The answer to a file sent as evidence (tài liệu kiểm chứng): the sender's open or recently done milestones, each with
/// an Action.Execute <see cref="AttachVerb"/> whose data is <c>{ uploadId, taskId, milestoneId }</c>.
/// </summary>
public static class EvidencePickerCard
{
    public const string Title = "Tài liệu kiểm chứng";
    public const string AttachButton = "Đính kèm vào sản phẩm này";
    public const string RecentMark = "Vừa cập nhật";
    public const string FilesTitle = "Tài liệu kiểm chứng đã đính kèm";

    /// <param name="expires">Local time until which the file waits to be attached.</param>
    public static JsonObject Build(string uploadId, string fileName, long size, DateTime expires, IReadOnlyList<EvidenceChoiceView> choices)
    {
        var body = new List<JsonNode?>
        {
            Ac.Text(Title, size: "Medium", weight: "Bolder"),
            Ac.Text($"Đã nhận tệp “{Markdown.Escape(fileName)}” ({Size(size)}). Đề nghị đồng chí chọn sản phẩm của nhiệm vụ để đính kèm tệp. " +
                $"Tệp được giữ để đính kèm đến {Formats.TimeOnDate(expires)}.", subtle: true),
        };
        foreach (var choice in choices)
        {
            var due = choice.Due is { } d ? Formats.Date(d) : CardStrings.Ongoing;
            body.Add(Ac.Container(
                [
                    Ac.Text((choice.Recent ? $"**{RecentMark}** · " : string.Empty) + Markdown.Escape(choice.Deliverable), weight: "Bolder"),
                    Ac.Text($"{Markdown.Escape(Markdown.Shorten(choice.TaskTitle, 200))} · Hạn: {due} · {Formats.Status(choice.Status)}", size: "Small", subtle: true, spacing: "None"),
                    Ac.ActionSet(Ac.Execute(AttachButton, CardContract.Verbs.AttachEvidence, new JsonObject
                    {
                        ["uploadId"] = uploadId,
                        ["taskId"] = choice.TaskId,
                        ["milestoneId"] = choice.MilestoneId,
                    }, style: choice.Recent ? "positive" : null)),
                ],
                separator: true));
        }

        return Ac.Card(body);
    }

    /// <summary>The files block of the task card: each file's name as a download link, its size, who attached it and when;
    /// files of several milestones under each milestone's name.</summary>
    public static JsonObject? Files(IReadOnlyList<EvidenceFileView> files, int minutes)
    {
        if (files.Count == 0)
        {
            return null;
        }

        var items = new List<JsonNode?> { Ac.Text(FilesTitle, weight: "Bolder") };
        // Grouped by milestone, in the order given (a milestone's files together, under its name when it has one).
        foreach (var group in files.GroupBy(f => f.Milestone))
        {
            if (group.Key is { } milestone)
            {
                items.Add(Ac.Text(Markdown.Escape(milestone), size: "Small", weight: "Bolder", spacing: "Small"));
            }

            items.AddRange(group.Select(f => (JsonNode)Ac.Text(
                $"{(f.Url is { } url ? $"[{Markdown.Escape(f.FileName)}]({url})" : Markdown.Escape(f.FileName))} ({Size(f.Size)}) · {Markdown.Escape(f.By)} · {Formats.DateTime(f.At)}",
                size: "Small", spacing: "Small")));
        }

        items.Add(Ac.Text($"Đường dẫn tải tệp có hiệu lực trong {minutes / 60} giờ.", size: "Small", subtle: true, spacing: "None"));
        return Ac.Container(items, separator: true);
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.GetCultureInfo("vi-VN")) + " MB"
        : Math.Max(1, (bytes + 1023) / 1024).ToString(CultureInfo.InvariantCulture) + " KB";
}
