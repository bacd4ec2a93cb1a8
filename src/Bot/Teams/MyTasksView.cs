using System.Text.Json.Nodes;
using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Plan;
using CchcBot.Progress;

namespace CchcBot.Teams;

/// <summary>Builds the "nhiệm vụ của tôi" card for a user, shared by the command and the paging/update actions.</summary>
public sealed class MyTasksView(ISnapshotLoader snapshots, ChatCards cards, NoticeBuilder notices)
{
    /// <param name="started">The snapshot's reads when the command started them with the sender's agency.</param>
    public async Task<JsonObject> RenderAsync(AgencyUser user, int page, CardBanner? banner, CancellationToken ct, SnapshotReads? started = null)
    {
        // What waits for the Chief's decision comes from the plan year's requests, read with the snapshot.
        var (snapshot, year) = await snapshots.LoadWithRequestsAsync(user, started, ct);
        var card = Render(user, snapshot, page, banner);
        if (banner is not null && snapshot is not null && IsOverview(user) && card["body"] is JsonArray overview)
        {
            overview.Insert(0, BannerBlock.Render(banner)); // the plan overview has no banner of its own
        }

        if (snapshot is not null
            && StepNoticeCard.Waiting(notices.WaitingFor(snapshot, user, notices.Waiting(year, user)), CardContract.Views.MyTasks) is { } notice
            && card["body"] is JsonArray body)
        {
            // What waits for his decision comes first (after the banner, when there is one).
            body.Insert(banner is null ? 0 : Math.Min(1, body.Count), notice);
        }

        return card;
    }

    public JsonObject Render(AgencyUser user, PlanSnapshot? snapshot, int page, CardBanner? banner, FormDraft? draft = null)
    {
        if (snapshot is null)
        {
            return cards.Error(UpdateStrings.NoPlan);
        }

        if (IsOverview(user))
        {
            return cards.PlanOverview(snapshot);
        }

        if (user.IsStaff)
        {
            // Staff see what their head gave them, and nothing else.
            var held = snapshot.Assignments.Of(user.Upn)
                .Select(a => snapshot.Find(a.TaskId, a.MilestoneId) is var (t, m) ? snapshot.Item(t, m, Plan.TaskRole.Lead, a.Part.Length == 0 ? null : a.Part) : null)
                .OfType<Plan.BoardItem>()
                .ToList();
            return cards.MyTasks(snapshot, user.Name.Length > 0 ? user.Name : user.Upn, Plan.TaskBoard.Sort(held), page, banner, false, draft, staff: true);
        }

        var items = snapshot.ForDepartments(user.Departments.Select(d => d.Id));
        var title = user.Departments.Count == 1 ? user.Departments[0].Name : string.Join("; ", user.Departments.Select(d => d.Name));
        return cards.MyTasks(snapshot, title, items, page, banner, user.IsChiefOfOffice, draft, viewer: user);
    }

    private static bool IsOverview(AgencyUser user) => user.IsChiefInspector && !user.IsChiefOfOffice && user.Departments.Count == 0;
}
