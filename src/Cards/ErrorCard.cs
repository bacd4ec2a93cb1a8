using System.Text.Json.Nodes;

namespace CchcBot.Cards;

/// <summary>A refusal or failure, in plain words; optionally a button back to the task.</summary>
public static class ErrorCard
{
    public static JsonObject Build(string title, string message, (string TaskId, string MilestoneId)? backTo = null)
    {
        var actions = backTo is var (taskId, milestoneId)
            ? new JsonNode?[] { Ac.Execute(CardStrings.BackToTask, CardContract.Verbs.RefreshTask, new JsonObject { ["taskId"] = taskId, ["milestoneId"] = milestoneId }) }
            : [];
        return Ac.Card(
            [
                Ac.Container(
                    [
                        Ac.Text(title, weight: "Bolder"),
                        Ac.Text(message, spacing: "Small"),
                    ],
                    style: "attention"),
            ],
            actions,
            fullWidth: false);
    }
}
