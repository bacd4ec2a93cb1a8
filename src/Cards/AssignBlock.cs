using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>
/// Staff assignment on a task card. The card contract: an Action.ShowCard "Giao cho cán bộ" holding the input
/// "assignee:&lt;milestoneId&gt;" (Input.ChoiceSet, several allowed, values the staff's emails; none chosen takes the
/// assignment back) and an Action.Execute with verb "assign", data { taskId, milestoneId } plus "part" where the
/// milestone has parts.
/// </summary>
public static class AssignBlock
{
    public const string HistoryKind = "assign";

    /// <summary>"Cán bộ thực hiện: …" under an item, when someone holds it.</summary>
    public static JsonObject? Line(TaskItemView item) => item.Assignees is { Count: > 0 } names
        ? Ac.Text(StaffStrings.Assignees(Markdown.Escape(string.Join(", ", names))), size: "Small", spacing: "Small")
        : null;

    /// <summary>In a list: a button that opens the task card, where the form is (a list stays small whatever the staff's size).</summary>
    public static JsonObject? OpenFromList(TaskItemView item) => item.Assign is { Staff.Count: > 0 }
        ? Ac.ActionSet(Ac.Execute(StaffStrings.AssignButton, CardContract.Verbs.RefreshTask, new JsonObject { ["taskId"] = item.TaskId, ["milestoneId"] = item.MilestoneId, ["back"] = CardContract.Views.BackToMyTasks }))
        : null;

    /// <summary>The card a member of staff receives when an item is given to them: the item and its update form.</summary>
    public static JsonObject Notice(TaskItemView item, string by) => Ac.Card(
        [
            Ac.Text(StaffStrings.NoticeTitle, size: "Large", weight: "Bolder"),
            Ac.Text(StaffStrings.NoticeText(Markdown.Escape(by)), spacing: "Small"),
            TaskItemBlock.Render(item, compact: false, separator: true),
            TaskItemBlock.Form(item, CardContract.Views.Task, null),
        ],
        [Ac.SendText(CardStrings.MyTasksButton, CardStrings.MyTasksCommand)]);

    /// <summary>The form, for the head or deputy who may give the item to their staff; null for anyone else.</summary>
    public static JsonObject? Form(TaskItemView item)
    {
        if (item.Assign is not { Staff.Count: > 0 } assign)
        {
            return null;
        }

        var data = new JsonObject { ["taskId"] = item.TaskId, ["milestoneId"] = item.MilestoneId };
        if (assign.Part is { } part)
        {
            data["part"] = part;
        }

        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = $"{CardContract.Inputs.Assignee}:{item.MilestoneId}",
            ["label"] = StaffStrings.AssigneeLabel,
            ["isMultiSelect"] = true,
            ["style"] = "expanded",
            ["choices"] = new JsonArray(assign.Staff.Select(s => (JsonNode)new JsonObject { ["title"] = s, ["value"] = s }).ToArray()),
        };
        if (assign.Current.Count > 0)
        {
            input["value"] = string.Join(",", assign.Current);
        }

        return Ac.ActionSet(Ac.ShowCard(StaffStrings.AssignButton, Ac.SubCard([input], [Ac.Execute(StaffStrings.AssignSubmit, CardContract.Verbs.Assign, data, style: "positive")])));
    }
}
