using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>
/// One task on a card, and its update form. The form is the stable card contract: inputs "status:&lt;milestoneId&gt;",
/// "note:&lt;milestoneId&gt;", "evidence:&lt;milestoneId&gt;" and an Action.Execute with verb "updateStatus" whose data
/// carries taskId, milestoneId and where the card came from (view, page). A milestone led by several departments
/// also carries the part: "part" in the data for a head's own part, or the input "part:&lt;milestoneId&gt;" where the
/// whole milestone is shown. Done items keep the form, so a head can correct a mistake.
/// </summary>
public static class TaskItemBlock
{
    /// <param name="compact">Lists show the title and one line of facts; a task card shows everything.</param>
    public static JsonObject Render(TaskItemView item, bool compact, bool separator)
    {
        var done = item.Status is StatusView.Done or StatusView.DoneLate;
        // A reminder's reason ("Quá hạn 272 ngày", "Còn 7 ngày") is the status, said once: it takes the status's place
        // and the line keeps only the due date.
        var status = item.Reason is { } why ? Markdown.Escape(why) : Formats.Status(item.Status);
        var items = new List<JsonNode?>
        {
            Ac.Columns(
                Ac.Column("stretch", Ac.Text(Markdown.Escape(item.Title), weight: "Bolder", maxLines: compact ? 3 : null)),
                Ac.StyledColumn("auto", Formats.StatusStyle(item.Status), Ac.Text(status, weight: "Bolder"))),
            Ac.Text(Line(item, done || item.Reason is not null), subtle: true, spacing: "None"),
        };
        if (item.Parts is { Count: > 0 } parts)
        {
            var lines = parts.Select(p => $"{Markdown.Escape(p.Department)}: {Formats.Status(p.Status)}");
            items.Add(Ac.Text(CardStrings.Parts.Line(string.Join("; ", lines)), size: "Small", spacing: "Small"));
        }

        items.Add(AssignBlock.Line(item));


        if (item.PendingExtension is { } pending)
        {
            items.Add(Ac.Text(Markdown.Escape(pending), size: "Small", weight: "Bolder", spacing: "Small"));
        }

        if (item.UpdatedBy is { } by && item.UpdatedAt is { } at)
        {
            var updated = CardStrings.Task.UpdatedBy(Markdown.Escape(by), Formats.TimeOnDate(at));
            if (!string.IsNullOrWhiteSpace(item.Evidence))
            {
                updated += CardStrings.Task.Evidence(Markdown.Escape(item.Evidence));
            }

            items.Add(Ac.Text(updated, size: "Small", subtle: true, spacing: "None"));
            if (!string.IsNullOrWhiteSpace(item.Note))
            {
                items.Add(Ac.Text(Markdown.Escape(compact ? Markdown.Shorten(item.Note, 160) : item.Note), size: "Small", spacing: "None"));
            }
        }

        return Ac.Container(items, separator: separator, spacing: separator ? "Medium" : null);
    }

    /// <summary>
    /// Where the user's unit only cooperates: one compact row (title, due date, status) and one button that opens the
    /// task (verb refreshTask), where the opinion form is.
    /// </summary>
    public static JsonObject CompactRow(TaskItemView item) => Ac.Container(
        [
            Ac.Columns(
                Ac.Column("stretch", Ac.Text(Markdown.Escape(item.Title), size: "Small", maxLines: 2)),
                Ac.StyledColumn("auto", Formats.StatusStyle(item.Status), Ac.Text(Formats.Status(item.Status), size: "Small"))),
            Ac.Text(Formats.Due(item.Due, item.DaysLeft, item.Status is StatusView.Done or StatusView.DoneLate) + ExtendedFrom(item) + " · " + Markdown.Escape(item.Deliverable),
                size: "Small", subtle: true, spacing: "None"),
            Ac.ActionSet(Ac.Execute(CardStrings.OpenTask, CardContract.Verbs.RefreshTask, new JsonObject { ["taskId"] = item.TaskId, ["milestoneId"] = item.MilestoneId, ["back"] = CardContract.Views.BackToMyTasks })),
        ],
        separator: true);

    /// <summary>The update form as an ActionSet, placed right under the item it updates.</summary>
    public static JsonObject Form(TaskItemView item, string view, int? page)
    {
        var data = new JsonObject { ["taskId"] = item.TaskId, ["milestoneId"] = item.MilestoneId, ["view"] = view };
        if (page is { } p)
        {
            data["page"] = p;
        }

        if (item.Part is { } part && item.Role == RoleView.Lead)
        {
            data["part"] = part.DepartmentId;
        }

        var key = item.MilestoneId;
        var draft = item.Draft?.MilestoneId == item.MilestoneId ? item.Draft : null;
        if (item.Role == RoleView.Cooperating)
        {
            return FormBlock(CardStrings.CommentButton, [NoteInput(key, CardStrings.CommentLabel, CardStrings.CommentPlaceholder, draft?.Note)],
                Ac.Execute(CardStrings.SubmitComment, CardContract.Verbs.UpdateStatus, data, style: "positive"), open: draft is not null);
        }

        var choices = new JsonArray(CardStrings.StatusChoices
            .Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray());
        var status = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = CardContract.Inputs.Id(CardContract.Inputs.Status, key),
            ["label"] = CardStrings.StatusLabel,
            ["style"] = "expanded",
            ["isRequired"] = true,
            ["errorMessage"] = CardStrings.StatusRequired,
            ["choices"] = choices,
        };
        if ((draft?.Status ?? item.ReportedStatus) is { } reported && CardStrings.StatusChoices.Any(c => c.Value == reported))
        {
            status["value"] = reported;
        }

        var evidence = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = CardContract.Inputs.Id(CardContract.Inputs.Evidence, key),
            ["label"] = CardStrings.EvidenceLabel,
            ["placeholder"] = CardStrings.EvidencePlaceholder,
            ["maxLength"] = CardContract.Limits.EvidenceLength,
        };
        if (draft?.Evidence is { } typedEvidence)
        {
            evidence["value"] = typedEvidence;
        }

        var inputs = new List<JsonNode?> { status, DoneOnInput(item, key, draft), NoteInput(key, CardStrings.NoteLabel, CardStrings.NotePlaceholder, draft?.Note), evidence };
        if (item.Part is null && item.Parts is { Count: > 0 } parts)
        {
            // The whole milestone is shown (the Chief of Office's view): say which lead department's part is reported.
            inputs.Insert(0, new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = CardContract.Inputs.Id(CardContract.Inputs.Part, key),
                ["label"] = CardStrings.Parts.Label,
                ["isRequired"] = true,
                ["errorMessage"] = CardStrings.Parts.Required,
                ["choices"] = new JsonArray(parts.Select(x => (JsonNode)new JsonObject { ["title"] = x.Department, ["value"] = x.DepartmentId }).ToArray()),
            });
            if (draft?.Part is { } typedPart)
            {
                inputs[0]!["value"] = typedPart;
            }
        }

        var form = FormBlock(CardStrings.UpdateButton, inputs, Ac.Execute(CardStrings.Submit, CardContract.Verbs.UpdateStatus, data, style: "positive"), open: draft is not null);
        return item.CanProposeExtension && item.Due is not null ? WithProposal(form, item, view, page) : form;
    }

    /// <summary>
    /// "Đề nghị gia hạn" beside the update form (a lead head asks for more time): inputs "newDue:proposeExtension.&lt;milestoneId&gt;"
    /// (Input.Date) and "note:proposeExtension.&lt;milestoneId&gt;", verb proposeExtension, the form's data.
    /// </summary>
    private static JsonObject WithProposal(JsonObject form, TaskItemView item, string view, int? page)
    {
        var data = BlockerNoticeCard.Data(item.TaskId, item.MilestoneId, item.Role == RoleView.Lead ? item.Part?.DepartmentId : null, view);
        if (page is { } p)
        {
            data["page"] = p;
        }

        var (title, inputs) = BlockerNoticeCard.ProposalInputs(item, item.ActionDraft);
        var submit = Ac.Execute(BlockerStrings.Send, CardContract.Verbs.ProposeExtension, data, style: "positive");
        if (item.ActionDraft?.Verb == CardContract.Verbs.ProposeExtension)
        {
            return Ac.Container([form, Ac.Container([title, .. inputs, Ac.ActionSet(submit)], style: "emphasis", spacing: "Small")]);
        }

        var proposal = Ac.ShowCard(BlockerStrings.ProposeButton, Ac.SubCard(inputs, [submit]));
        if (form["type"]?.GetValue<string>() == "ActionSet")
        {
            form["actions"]!.AsArray().Add(proposal);
            return form;
        }

        return Ac.Container([form, Ac.ActionSet(proposal)]);
    }

    private static string ExtendedFrom(TaskItemView item) =>
        item.OriginalDue is { } original && item.Due is not null ? BlockerStrings.ExtendedFrom(Formats.Date(original)) : string.Empty;

    /// <summary>
    /// The form behind its button (Action.ShowCard); open — inputs in the card itself — when it comes back with what the
    /// user typed and why it was refused, so they see both at once. The input ids are the same either way.
    /// </summary>
    private static JsonObject FormBlock(string title, IEnumerable<JsonNode?> inputs, JsonObject submit, bool open) => open
        ? Ac.Container([.. inputs, Ac.ActionSet(submit)], style: "emphasis", spacing: "Small")
        : Ac.ActionSet(Ac.ShowCard(title, Ac.SubCard(inputs, [submit])));

    private static JsonObject NoteInput(string key, string label, string placeholder, string? value)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = CardContract.Inputs.Id(CardContract.Inputs.Note, key),
            ["label"] = label,
            ["placeholder"] = placeholder,
            ["isMultiline"] = true,
            ["maxLength"] = CardContract.Limits.NoteLength,
        };
        if (value is not null)
        {
            input["value"] = value;
        }

        return input;
    }

    /// <summary>"doneOn:&lt;milestoneId&gt;": the date the deliverable was really done, used with Hoàn thành (default today).</summary>
    private static JsonObject? DoneOnInput(TaskItemView item, string key, FormDraft? draft)
    {
        if (item.Today is not { } today)
        {
            return null;
        }

        var input = new JsonObject
        {
            ["type"] = "Input.Date",
            ["id"] = CardContract.Inputs.Id(CardContract.Inputs.DoneOn, key),
            ["label"] = CardStrings.DoneOnLabel,
            ["value"] = draft?.DoneOn ?? Formats.IsoDate(today),
            ["max"] = Formats.IsoDate(today),
        };
        if (item.EarliestDoneOn is { } earliest)
        {
            input["min"] = Formats.IsoDate(earliest);
        }

        return input;
    }

    private static string Line(TaskItemView item, bool done)
    {
        var parts = new List<string> { Formats.Role(item.Role), Markdown.Escape(item.Deliverable) };
        if (item.Part is { } part)
        {
            parts.Insert(1, CardStrings.Parts.Own(Markdown.Escape(part.Department)));
        }

        if (item.Period is { } period)
        {
            parts.Add(Markdown.Escape(period));
        }

        parts.Add(Formats.Due(item.Due, item.DaysLeft, done) + ExtendedFrom(item));
        parts.Add(Markdown.Escape(item.Area));
        return string.Join(" · ", parts);
    }
}
