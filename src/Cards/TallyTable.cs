using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>The one table of figures (by reform area or by department) and the one summary sentence every card shows.</summary>
public static class TallyTable
{
    private const string NumberWidth = "64px";

    /// <param name="firstHeader">"Lĩnh vực" or "Đơn vị".</param>
    /// <param name="total">A bold last row ("Tổng"), or null.</param>
    public static JsonObject Build(string firstHeader, IReadOnlyList<TallyRow> rows, TallyRow? total = null)
    {
        var items = new List<JsonNode?>
        {
            Row(firstHeader, [CardStrings.Columns.Done, CardStrings.Columns.InProgress, CardStrings.Columns.NotStarted, CardStrings.Columns.Blocked, CardStrings.Columns.Overdue], bold: true),
        };
        items.AddRange(rows.Select(r => (JsonNode)Row(Markdown.Escape(r.Name), Numbers(r.Tally), bold: false, overdue: r.Tally.OpenOverdue)));
        if (total is not null)
        {
            items.Add(Row(Markdown.Escape(total.Name), Numbers(total.Tally), bold: true, overdue: total.Tally.OpenOverdue));
        }

        return Ac.Container(items, separator: true, spacing: "Medium");
    }

    /// <summary>"3/41 mốc hoàn thành (7%): đúng hạn 2, trễ hạn 1; chưa hoàn thành: trong hạn 30, quá hạn 8; gặp vướng mắc 1".</summary>
    public static string Summary(TallyView t) =>
        CardStrings.Figures.Summary(t.Done, t.Dated, Formats.Percent(t.Done, t.Dated), t.DoneOnTime, t.DoneLate, t.OpenInTime, t.OpenOverdue, t.Blocked) +
        (t.OngoingTasks > 0 ? CardStrings.Figures.Ongoing(t.OngoingTasks) : string.Empty);

    private static string[] Numbers(TallyView t) => [$"{t.Done}", $"{t.InProgress}", $"{t.NotStarted}", $"{t.Blocked}", $"{t.OpenOverdue}"];

    private static JsonObject Row(string name, string[] cells, bool bold, int overdue = 0)
    {
        var weight = bold ? "Bolder" : null;
        var columns = new List<JsonObject> { Ac.Column("stretch", Ac.Text(name, weight: weight, size: "Small")) };
        // An overdue count above zero stands on the attention tint (its text keeps the default colour, for contrast).
        columns.AddRange(cells.Select((c, i) => i == cells.Length - 1 && overdue > 0
            ? Ac.StyledColumn(NumberWidth, "attention", Ac.Text(c, weight: "Bolder", size: "Small"))
            : Ac.Column(NumberWidth, Ac.Text(c, weight: weight, size: "Small"))));
        return Ac.Columns([.. columns]);
    }
}
