using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>"Nhiệm vụ của tôi": one page of the department's tasks, each with its update form.</summary>
public static class MyTasksCard
{
    public const string PageVerb = "myTasksPage";

    /// <summary>Cooperating rows shown on the first page; the rest are counted.</summary>
    public const int CompactShown = 20;
    public const string View = "myTasks";

    /// <summary>Eight items with forms stay near 16 KB even with the plan's longest titles, well under Teams' 28 KB.</summary>
    public const int PageSize = 8;

    /// <param name="items">All items, already in display order; the card shows page <paramref name="page"/>.</param>
    /// <param name="summary">An optional line above the list (the whole plan's progress, for the Chief of Office).</param>
    /// <param name="banner">An optional confirmation ("Đã ghi nhận: Hoàn thành.").</param>
    /// <param name="title">The card's title (card markdown) instead of "Nhiệm vụ của tôi — department" (a member of staff's list).</param>
    /// <param name="empty">What an empty list says instead of <see cref="CardStrings.NoTasks"/>.</param>
    public static JsonObject Build(
        string department, IReadOnlyList<TaskItemView> items, int page, string? summary = null, CardBanner? banner = null, int pageSize = PageSize,
        string? title = null, string? empty = null)
    {
        // What the unit leads is shown in full with its form, a page at a time; where it only cooperates, as compact
        // rows on the first page, each opening its task.
        var lead = items.Where(i => i.Role == RoleView.Lead).ToList();
        var cooperating = items.Where(i => i.Role == RoleView.Cooperating).ToList();
        var pages = Math.Max(1, (lead.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var body = new List<JsonNode?>
        {
            Ac.Text(title ?? CardStrings.MyTasks.Title(Markdown.Escape(department)), size: "Large", weight: "Bolder"),
        };
        if (summary is not null)
        {
            body.Add(Ac.Text(summary, subtle: true, spacing: "Small"));
        }

        body.Add(BannerBlock.Render(banner));
        if (items.Count == 0)
        {
            body.Add(Ac.Text(empty ?? CardStrings.NoTasks));
            return Ac.Card(body);
        }

        body.Add(Ac.Text(Counts(items), size: "Small", subtle: true, spacing: "Small"));
        if (lead.Count > 0)
        {
            body.Add(Ac.Text(CardStrings.MyTasks.LeadSection, weight: "Bolder", spacing: "Medium"));
        }

        foreach (var item in lead.Skip(page * pageSize).Take(pageSize))
        {
            body.Add(TaskItemBlock.Render(item, compact: true, separator: true));
            body.Add(TaskItemBlock.Form(item, View, page));
            body.Add(AssignBlock.OpenFromList(item));
        }

        if (page == 0 && cooperating.Count > 0)
        {
            body.Add(Ac.Text(CardStrings.MyTasks.CooperatingSection(cooperating.Count), weight: "Bolder", spacing: "Large", separator: true));
            body.AddRange(cooperating.Take(CompactShown).Select(i => (JsonNode)TaskItemBlock.CompactRow(i)));
            if (cooperating.Count > CompactShown)
            {
                body.Add(Ac.Text(CardStrings.MyTasks.MoreCooperating(cooperating.Count - CompactShown), size: "Small", subtle: true));
            }
        }

        var actions = new List<JsonNode?>();
        if (pages > 1)
        {
            body.Add(Ac.Text($"Trang {page + 1}/{pages}", size: "Small", subtle: true, separator: true));
            if (page > 0)
            {
                actions.Add(Ac.Execute(CardStrings.PreviousButton, PageVerb, new JsonObject { ["page"] = page - 1 }));
            }

            if (page < pages - 1)
            {
                actions.Add(Ac.Execute(CardStrings.MoreButton, PageVerb, new JsonObject { ["page"] = page + 1 }));
            }
        }

        return Ac.Card(body, actions);
    }

    private static string Counts(IReadOnlyList<TaskItemView> items)
    {
        var parts = new List<string> { CardStrings.MyTasks.TaskCount(items.Count) };
        void Add(StatusView status, string label)
        {
            var n = items.Count(i => i.Status == status);
            if (n > 0)
            {
                parts.Add($"{n} {label}");
            }
        }

        Add(StatusView.Overdue, CardStrings.MyTasks.Overdue);
        Add(StatusView.Blocked, CardStrings.MyTasks.Blocked);
        Add(StatusView.InProgress, CardStrings.MyTasks.InProgress);
        Add(StatusView.NotStarted, CardStrings.MyTasks.NotStarted);
        var done = items.Count(i => i.Status is StatusView.Done or StatusView.DoneLate);
        if (done > 0)
        {
            parts.Add($"{done} {CardStrings.MyTasks.Done}");
        }

        return string.Join(" · ", parts);
    }
}
