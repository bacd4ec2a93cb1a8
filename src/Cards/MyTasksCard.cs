using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>"Nhiệm vụ của tôi": one page of the department's tasks, each with its update form.</summary>
public static class MyTasksCard
{
    /// <summary>Cooperating rows shown on the first page; the rest are counted.</summary>
    public const int CompactShown = 20;
    /// <summary>Eight milestones with forms stay near 16 KB even with the plan's longest titles, well under Teams' 28 KB.</summary>
    public const int PageSize = 8;

    /// <param name="items">All items, already in display order; the card shows page <paramref name="page"/>. A lead item's
    /// <see cref="TaskItemView.Others"/> (the task's other milestones) are shown under it, each with its own form.</param>
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
        var (pages, shownPage, pieces) = Paginate(lead, pageSize, page);
        page = shownPage;
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

        foreach (var piece in pieces)
        {
            if (piece.Continued)
            {
                body.Add(Ac.Text(CardStrings.MyTasks.Continued(Markdown.Escape(piece.Task.Title)), weight: "Bolder", separator: true, spacing: "Medium"));
            }

            foreach (var milestone in piece.Milestones)
            {
                var first = !piece.Continued && milestone == piece.Milestones[0];
                body.Add(TaskItemBlock.Render(first ? milestone : AsOtherMilestone(milestone), compact: true, separator: first));
                body.Add(TaskItemBlock.Form(milestone, CardContract.Views.MyTasks, page));
                body.Add(AssignBlock.OpenFromList(milestone));
            }
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
                actions.Add(Ac.Execute(CardStrings.PreviousButton, CardContract.Verbs.MyTasksPage, new JsonObject { ["page"] = page - 1 }));
            }

            if (page < pages - 1)
            {
                actions.Add(Ac.Execute(CardStrings.MoreButton, CardContract.Verbs.MyTasksPage, new JsonObject { ["page"] = page + 1 }));
            }
        }

        return Ac.Card(body, actions);
    }

    /// <summary>A task's milestones on one page: the task's own item first, then its other milestones.</summary>
    /// <param name="Continued">The task began on an earlier page: only some of its other milestones are here.</param>
    private sealed record Piece(TaskItemView Task, IReadOnlyList<TaskItemView> Milestones, bool Continued);

    /// <summary>
    /// Pages of at most <paramref name="pageSize"/> milestones, a task's milestones kept together on one page unless
    /// they alone are more than a page. Only the milestones of <paramref name="page"/> are read from each item's
    /// <see cref="TaskItemView.Others"/> (a list may build its views as they are read); the others are only counted.
    /// </summary>
    /// <returns>The number of pages and the pieces of <paramref name="page"/> (clamped to the pages there are).</returns>
    private static (int Pages, int Page, List<Piece> Pieces) Paginate(IReadOnlyList<TaskItemView> lead, int pageSize, int page)
    {
        var pages = new List<List<(TaskItemView Item, int Start, int Length)>> { new() };
        var used = 0;
        foreach (var item in lead)
        {
            var count = 1 + (item.Others?.Count ?? 0);
            for (var start = 0; start < count; start += pageSize)
            {
                var length = Math.Min(pageSize, count - start);
                if (used > 0 && used + length > pageSize)
                {
                    pages.Add([]);
                    used = 0;
                }

                pages[^1].Add((item, start, length));
                used += length;
            }
        }

        page = Math.Clamp(page, 0, pages.Count - 1);
        var pieces = pages[page].Select(p => new Piece(
            p.Item,
            Enumerable.Range(p.Start, p.Length).Select(i => i == 0 ? p.Item : p.Item.Others![i - 1]).ToList(),
            Continued: p.Start > 0)).ToList();
        return (pages.Count, page, pieces);
    }

    /// <summary>A task's other milestone, under the task: named by its deliverable (and period) rather than the task's title.</summary>
    public static TaskItemView AsOtherMilestone(TaskItemView other) =>
        other with { Title = other.Deliverable + (other.Period is { } p ? $" ({p})" : string.Empty) };

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
