using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Plan;
using CchcBot.Progress;
using CchcBot.Storage;
using CchcBot.Teams.Delivery;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "assign" (Giao cho cán bộ): the head or a deputy of a lead department gives a milestone — or, for a milestone led
/// by several, their department's part — to members of its staff; none chosen takes it back. Data { taskId, milestoneId,
/// part? }, input "assignee:&lt;milestoneId&gt;" (emails, comma-separated). Who may assign, and who is staff, come from
/// the stored directory on every invoke; every field is checked before anything is written. Recorded in the task's
/// history; the answer is the task card.
/// </summary>
public sealed class AssignAction(
    ISnapshotLoader snapshots, IAssignmentRepository assignments, TaskView taskView, ChatCards cards, IProactiveSender sender, ILogger<AssignAction> logger)
    : ICardAction
{
    public string Verb => CardContract.Verbs.Assign;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        if (request.User is not { } user)
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownUser)));
        }

        var taskId = request.GetString("taskId");
        var milestoneId = request.GetString("milestoneId");
        if (string.IsNullOrWhiteSpace(taskId) || string.IsNullOrWhiteSpace(milestoneId))
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.MissingIds)));
        }

        var part = request.GetString("part");
        var input = request.GetString($"{CardContract.Inputs.Assignee}:{milestoneId}") ?? request.GetString(CardContract.Inputs.Assignee);
        if ((part is null && !request.IsAbsent("part")) || (input is null && !request.IsAbsent($"{CardContract.Inputs.Assignee}:{milestoneId}")) || input?.Length > 20_000)
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.InvalidCardData)));
        }

        var snapshot = await snapshots.LoadAsync(user, ct);
        if (snapshot?.Find(taskId, milestoneId) is not var (task, milestone))
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownTask)));
        }

        var (department, allowed) = TaskAuthorization.CanAssign(user, snapshot.Directory, task, part);
        if (department is null)
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.InvalidCardData)));
        }

        if (!allowed)
        {
            logger.LogWarning("User {UserObjectId} may not assign task {TaskId} milestone {MilestoneId}", user.ObjectId, task.Id, milestone.Id);
            return InvokeResponses.Card(cards.Error(StaffStrings.AssignNotAllowed, (task.Id, milestone.Id)));
        }

        var hasParts = TaskBoard.PartsOf(snapshot.Directory, task).Count > 0;
        var item = snapshot.Item(task, milestone, TaskRole.Lead, hasParts ? department.Id : null);
        var chosen = (input ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var staff = new List<string>();
        foreach (var person in chosen)
        {
            // The directory's own spelling of the address is stored, never the card's.
            if (department.Staff.FirstOrDefault(s => AgencyDirectory.SamePerson(s, person)) is not { } member)
            {
                var visible = new string(person.Where(c => !UserText.IsBidiControl(c) && !char.IsControl(c)).ToArray());
                var shown = visible.Length > 254 ? visible[..254] : visible;
                return InvokeResponses.Card(await taskView.RenderAsync(
                    snapshot, item, new CardBanner(StaffStrings.NotStaffOf(Markdown.Escape(shown), Markdown.Escape(department.Name)), Error: true), ct, viewer: user));
            }

            staff.Add(member);
        }

        var result = await assignments.AssignAsync(
            new AssignmentChange(snapshot.Plan.ProgressScope, task.Id, milestone.Id, hasParts ? department.Id : string.Empty, department.Id, staff, user.Upn, user.Name,
                request.TurnContext.Activity.Id ?? Guid.NewGuid().ToString()),
            ct);
        var book = await assignments.GetAllAsync(snapshot.Plan.ProgressScope, ct);
        var updated = snapshot with { Assignments = book };
        var assignedItem = updated.Item(task, milestone, TaskRole.Lead, hasParts ? department.Id : null);
        if (result.Changed)
        {
            await NotifyAsync(user.Agency, result.After.Except(result.Before, StringComparer.OrdinalIgnoreCase).ToList(), updated, assignedItem, user.Name, ct);
        }

        var banner = !result.Changed ? StaffStrings.AssignUnchanged
            : result.After.Count == 0 ? StaffStrings.TakenBack
            : StaffStrings.Assigned(Markdown.Escape(string.Join(", ", result.After)));
        return InvokeResponses.Card(await taskView.RenderAsync(updated, assignedItem, banner, ct, viewer: user));
    }

    /// <summary>Tells the newly assigned staff, best effort and quick (inside the invoke): their reminders follow anyway.</summary>
    private async Task NotifyAsync(string agency, List<string> staff, PlanSnapshot snapshot, BoardItem item, string by, CancellationToken ct)
    {
        if (staff.Count == 0)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        var card = AssignBlock.Notice(cards.Item(snapshot, item), by);
        foreach (var person in staff)
        {
            try
            {
                var sent = await sender.SendToPersonAsync(agency, person, CardMessages.Of(card, StaffStrings.NoticeTitle), timeout.Token);
                if (!sent.Delivered)
                {
                    logger.LogInformation("Assignment notice for task {TaskId} not delivered: {Status}", item.Task.Id, sent.Status);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Assignment notice for task {TaskId} failed", item.Task.Id);
                return;
            }
        }
    }
}
