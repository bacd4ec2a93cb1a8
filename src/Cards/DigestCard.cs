using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>
/// The weekly digest for the Office channel, read by the Chief Inspector in a minute: overall progress, a row per reform
/// area, then the lists (overdue, due within 14 days, blockers, this week's changes, unreachable people), each cut to
/// the top items with "và N mốc khác"; "Xem đầy đủ" (verb digestDetails) opens the full lists.
/// </summary>
public static class DigestCard
{
    public const int TopItems = 5;

    /// <summary>The details card lists more, still bounded so a 500-task plan stays under Teams' 28 KB.</summary>
    public const int DetailItems = 12;

    /// <param name="mention">The Chief Inspector's Teams user id and name, to @mention them; null when unknown.</param>
    /// <param name="note">An extra line (e.g. how to register the digest channel).</param>
    public static JsonObject Build(DigestView f, (string Id, string Name)? mention = null, string? note = null, bool details = false)
    {
        var top = details ? DetailItems : TopItems;
        var body = new List<JsonNode?>
        {
            Ac.Text(CardStrings.Digest.Title(f.Week.Number, f.Week.Monday.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture), Formats.Date(f.Week.Sunday)), size: "Large", weight: "Bolder"),
            Ac.Text(CardStrings.AsOf(Markdown.Escape(f.Scope), Formats.Date(f.Today)), subtle: true, spacing: "None"),
        };
        if (mention is var (id, name))
        {
            body.Add(Ac.Text(CardStrings.Digest.Greeting($"<at>{Markdown.Escape(name)}</at>"), spacing: "Small"));
        }

        if (note is not null)
        {
            body.Add(Ac.Container([Ac.Text(note, size: "Small")], style: "warning"));
        }

        body.Add(Ac.Facts(
        [
            (CardStrings.Digest.DueSoFar, CardStrings.Digest.DoneOf(f.DueSoFar.Done, f.DueSoFar.Dated, Formats.Percent(f.DueSoFar.Done, f.DueSoFar.Dated))),
            (CardStrings.Digest.Year, TallyTable.Summary(f.Year)),
            (CardStrings.Digest.DoneThisWeek, $"{f.DoneSinceLastWeek}"),
        ]));

        body.Add(TallyTable.Build(CardStrings.Columns.Area, f.Areas));
        Section(body, CardStrings.Digest.Overdue(f.Overdue.Count), "attention", f.Overdue, top, i => CardStrings.Digest.OverdueLine(Title(i.Title), Markdown.Escape(i.Deliverable), Markdown.Escape(i.LeadUnits), Date(i.Due, i.OriginalDue), i.Days));
        Section(body, CardStrings.Digest.DueSoon(f.DueSoon.Count), "accent", f.DueSoon, top, i => CardStrings.Digest.DueSoonLine(Title(i.Title), Markdown.Escape(i.Deliverable), Markdown.Escape(i.LeadUnits), Date(i.Due, i.OriginalDue), i.Days));
        Section(body, CardStrings.Digest.Blockers(f.Blockers.Count), "warning", f.Blockers, top, i => CardStrings.Digest.BlockerLine(Title(i.Title), Markdown.Escape(i.Deliverable), Markdown.Escape(i.LeadUnits), Date(i.Due, i.OriginalDue), Markdown.Escape(Markdown.Shorten(i.Note ?? CardStrings.Blocker.NoNote, 160))));
        Section(body, CardStrings.Digest.Changes(f.Changes.Count), null, f.Changes, top, unit: "cập nhật", line: c => $"{Formats.DateTime(c.At)} · {Markdown.Escape(c.By)}: {Markdown.Escape(Markdown.Shorten(c.Title, 80))} — {Markdown.Escape(c.What)}");
        if (f.Unreachable.Count > 0)
        {
            Section(body, $"{CardStrings.Unreachable} ({f.Unreachable.Count})", "warning", f.Unreachable, top, Markdown.Escape, CardStrings.People);
        }

        var card = Ac.Card(body, details
            ? [Ac.Execute(CardStrings.Digest.Collapse, CardContract.Verbs.DigestDetails, new JsonObject { ["week"] = f.Week.Key, ["view"] = CardContract.Views.DigestSummary })]
            : [Ac.Execute(CardStrings.Digest.Details, CardContract.Verbs.DigestDetails, new JsonObject { ["week"] = f.Week.Key })]);
        if (mention is var (mentionId, mentionName))
        {
            card["msteams"]!["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = $"<at>{Markdown.Escape(mentionName)}</at>",
                ["mentioned"] = new JsonObject { ["id"] = mentionId, ["name"] = mentionName },
            });
        }

        return card;
    }

    /// <param name="style">The heading's container style (its text keeps the default colour); null: no tint.</param>
    private static void Section<T>(List<JsonNode?> body, string title, string? style, IReadOnlyList<T> items, int top, Func<T, string> line, string unit = "mốc")
    {
        if (items.Count == 0)
        {
            return;
        }

        body.Add(style is null
            ? Ac.Text(title, weight: "Bolder", separator: true)
            : Ac.Container([Ac.Text(title, weight: "Bolder")], style: style, separator: true));
        body.AddRange(items.Take(top).Select(i => (JsonNode)Ac.Text("• " + line(i), size: "Small", spacing: "None")));
        if (items.Count > top)
        {
            body.Add(Ac.Text(CardStrings.AndMore(items.Count - top, unit), size: "Small", subtle: true, spacing: "None"));
        }
    }

    private static string Title(string title) => Markdown.Escape(Markdown.Shorten(title, 90));

    private static string Date(DateOnly? date, DateOnly? originalDue = null) =>
        (date is { } d ? Formats.Date(d) : CardStrings.Digest.OngoingDue) + (originalDue is { } o && date is not null ? BlockerStrings.ExtendedFrom(Formats.Date(o)) : string.Empty);

    /// <summary>What one change did, in words: a cooperating opinion with its units, a section IV step, or "from → to".</summary>
    public static string What(DigestChangeView c)
    {
        if (c.Step.Kind == HistoryKinds.Comment)
        {
            var who = c.Units.Length > 0 ? $"{CardStrings.CommentKind} của {c.Units}" : CardStrings.CommentKind;
            return string.IsNullOrWhiteSpace(c.Step.Note) ? who : $"{who}: {Markdown.Shorten(c.Step.Note, 160)}";
        }

        return TaskCard.SectionFour(c.Step) ?? $"{Formats.Status(c.Step.From)} → {Formats.Status(c.Step.To)}";
    }
}
