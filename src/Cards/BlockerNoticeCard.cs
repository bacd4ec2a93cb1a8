using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>
/// To the Chief of Office the moment a head reports a task blocked (Gặp vướng mắc), to the Chief Inspector when it is
/// submitted to him, and to whoever decides a request for more time. It offers the actions its viewer may use, each
/// a form behind its button: Ý kiến chỉ đạo (giveDirection), Trình Chánh Thanh tra (escalateBlocker), Gia hạn
/// (proposeExtension: newDue + note), Đã xử lý (resolveBlocker), Quyết định gia hạn (decideExtension, approve
/// true/false). Inputs "note:&lt;verb&gt;.&lt;milestoneId&gt;" and "newDue:&lt;verb&gt;.&lt;milestoneId&gt;" (Input.Date,
/// yyyy-MM-dd); data { taskId, milestoneId, part (where the milestone has parts), view: "notice" }.
/// </summary>
public static class BlockerNoticeCard
{
    /// <summary>The old shape (a blocker notice without actions), kept for callers that only tell.</summary>
    public static JsonObject Build(TaskItemView item, string department, string reporter, DateTime reportedAt) =>
        Build(new BlockerNoticeView(NoticeKind.Blocker, item with { LeadUnits = department }, null, item.Note, reporter, reportedAt, null, null, null, NoticeActions.None, DateOnly.MinValue));

    public static JsonObject Build(BlockerNoticeView view, CardBanner? banner = null, ActionDraft? draft = null)
    {
        var item = view.Item;
        var (title, style) = view.Kind switch
        {
            NoticeKind.Blocker => (BlockerStrings.BlockerTitle, "warning"),
            NoticeKind.Escalated => (BlockerStrings.EscalatedTitle, "warning"),
            NoticeKind.Extension => (BlockerStrings.ExtensionTitle, "accent"),
            _ => (BlockerStrings.TaskTitle, "emphasis"),
        };
        var body = new List<JsonNode?>
        {
            BannerBlock.Render(banner),
            Ac.Container([Ac.Text(title, size: "Large", weight: "Bolder")], style: style),
            Ac.Text(Markdown.Escape(item.Title), weight: "Bolder"),
            Ac.Facts(
            [
                (CardStrings.Labels.LeadDepartment, Markdown.Escape(item.Part?.Department ?? item.LeadUnits)),
                (CardStrings.Labels.Deliverable, Markdown.Escape(item.Deliverable + (item.Period is { } p ? $" ({p})" : string.Empty))),
                (CardStrings.Labels.Due, DueText(item)),
                (CardStrings.Labels.Condition, Formats.Status(item.Status)),
                (BlockerStrings.Reporter, view.Blocker is null || view.Reporter is null ? null : Markdown.Escape(view.Reporter)),
                (BlockerStrings.When, view.Blocker is null || view.ReportedAt is not { } at ? null : Formats.TimeOnDate(at)),
            ]),
        };
        if (view.Blocker is { } blocker)
        {
            body.Add(Ac.Text(BlockerStrings.Content, spacing: "Medium"));
            body.Add(Ac.Text(Markdown.Escape(blocker), spacing: "Small"));
        }

        if (view.Escalation is { } escalation)
        {
            body.Add(Ac.Text(BlockerStrings.EscalationLabel, spacing: "Medium"));
            body.Add(Ac.Text(Markdown.Escape(escalation), spacing: "Small"));
        }

        if (view.Extension is { } ext)
        {
            body.Add(Ac.Container(
                [
                    Ac.Text(BlockerStrings.ExtensionTitle, weight: "Bolder"),
                    Ac.Facts(
                    [
                        (BlockerStrings.AskedBy, Markdown.Escape(ext.AskedBy) + " · " + Formats.TimeOnDate(ext.AskedAt)),
                        (BlockerStrings.CurrentDue, Formats.Date(ext.CurrentDue)),
                        (BlockerStrings.ProposedDue, Formats.Date(ext.ProposedDue)),
                    ]),
                    Ac.Text(BlockerStrings.Reason, spacing: "Small"),
                    Ac.Text(Markdown.Escape(ext.Reason), spacing: "None"),
                ],
                style: "emphasis",
                spacing: "Medium"));
        }

        var data = Data(view);
        var key = item.MilestoneId;
        var forms = new List<(string Title, IReadOnlyList<JsonNode?> Inputs, IReadOnlyList<JsonObject> Submits, string Verb)>();
        if (view.Actions.HasFlag(NoticeActions.Decide) && view.Extension is { } pending)
        {
            var decide = CardContract.Verbs.DecideExtension;
            var approve = Clone(data);
            approve["approve"] = true;
            approve["request"] = pending.RequestId;
            var refuse = Clone(data);
            refuse["approve"] = false;
            refuse["request"] = pending.RequestId;
            forms.Add((BlockerStrings.DecideButton, [Note(decide, key, BlockerStrings.DecisionLabel, null, required: false, draft)],
                [Ac.Execute(BlockerStrings.ApproveButton, decide, approve, style: "positive"), Ac.Execute(BlockerStrings.RefuseButton, decide, refuse, style: "destructive")], decide));
        }

        if (view.Actions.HasFlag(NoticeActions.Direct))
        {
            forms.Add(Form(BlockerStrings.DirectionButton, CardContract.Verbs.GiveDirection, data, [Note(CardContract.Verbs.GiveDirection, key, BlockerStrings.DirectionLabel, BlockerStrings.DirectionPlaceholder, true, draft)]));
        }

        if (view.Actions.HasFlag(NoticeActions.Escalate))
        {
            forms.Add(Form(BlockerStrings.EscalateButton, CardContract.Verbs.EscalateBlocker, data, [Note(CardContract.Verbs.EscalateBlocker, key, BlockerStrings.EscalateLabel, BlockerStrings.EscalatePlaceholder, true, draft)]));
        }

        if (view.Actions.HasFlag(NoticeActions.Propose) && item.Due is { } due)
        {
            var verb = CardContract.Verbs.ProposeExtension;
            forms.Add(Form(BlockerStrings.ExtendButton, verb, data,
                [NewDue(key, due, draft), Note(verb, key, BlockerStrings.ReasonLabel, BlockerStrings.ReasonPlaceholder, true, draft)]));
        }

        if (view.Actions.HasFlag(NoticeActions.Resolve))
        {
            forms.Add(Form(BlockerStrings.ResolveButton, CardContract.Verbs.ResolveBlocker, data, [Note(CardContract.Verbs.ResolveBlocker, key, BlockerStrings.ResolveLabel, BlockerStrings.ResolvePlaceholder, true, draft)]));
        }

        var actions = new List<JsonNode?>();
        foreach (var form in forms)
        {
            if (draft?.Verb == form.Verb)
            {
                // Back with what was typed and why it was refused: the form is open in the card, the ids the same.
                body.Add(Ac.Container([Ac.Text(form.Title, weight: "Bolder"), .. form.Inputs, Ac.ActionSet([.. form.Submits])], style: "emphasis", spacing: "Medium"));
            }
            else
            {
                actions.Add(Ac.ShowCard(form.Title, Ac.SubCard(form.Inputs, form.Submits)));
            }
        }

        // The forms are the card's actions (at most five, Teams' limit); the way to the task is a button in the body.
        body.Add(Ac.ActionSet(Ac.Execute(CardStrings.OpenTask, CardContract.Verbs.RefreshTask, new JsonObject { ["taskId"] = item.TaskId, ["milestoneId"] = item.MilestoneId })));
        return Ac.Card(body, actions);
    }

    /// <summary>"Hạn 31/12/2026 (gia hạn từ 30/06/2026)".</summary>
    public static string DueText(TaskItemView item) => item.Due is { } due
        ? Formats.Date(due) + (item.OriginalDue is { } original ? BlockerStrings.ExtendedFrom(Formats.Date(original)) : string.Empty)
        : CardStrings.Ongoing;

    /// <summary>The data every section IV verb carries: { taskId, milestoneId } (+ part), and where the card came from.</summary>
    public static JsonObject Data(string taskId, string milestoneId, string? part, string view)
    {
        var data = new JsonObject { ["taskId"] = taskId, ["milestoneId"] = milestoneId, ["view"] = view };
        if (part is not null)
        {
            data["part"] = part;
        }

        return data;
    }

    /// <summary>"Ý kiến chỉ đạo" as a form behind its button (a task card for the Chief Inspector or the Chief of Office).</summary>
    public static JsonObject DirectionForm(TaskItemView item, string? part, string view, ActionDraft? draft)
    {
        var verb = CardContract.Verbs.GiveDirection;
        var inputs = new JsonNode?[] { Note(verb, item.MilestoneId, BlockerStrings.DirectionLabel, BlockerStrings.DirectionPlaceholder, true, draft) };
        var submit = Ac.Execute(BlockerStrings.Send, verb, Data(item.TaskId, item.MilestoneId, part, view), style: "positive");
        return draft?.Verb == verb
            ? Ac.Container([Ac.Text(BlockerStrings.DirectionButton, weight: "Bolder"), .. inputs, Ac.ActionSet(submit)], style: "emphasis", spacing: "Medium")
            : Ac.ActionSet(Ac.ShowCard(BlockerStrings.DirectionButton, Ac.SubCard(inputs, [submit])));
    }

    /// <summary>"Đề nghị gia hạn" inputs for the update form: newDue and the reason, ids keyed by verb and milestone.</summary>
    public static (JsonObject Title, IReadOnlyList<JsonNode?> Inputs) ProposalInputs(TaskItemView item, ActionDraft? draft) =>
        (Ac.Text(BlockerStrings.ProposeButton, weight: "Bolder"),
            [NewDue(item.MilestoneId, item.Due ?? DateOnly.MinValue, draft), Note(CardContract.Verbs.ProposeExtension, item.MilestoneId, BlockerStrings.ReasonLabel, BlockerStrings.ReasonPlaceholder, true, draft)]);

    public static string InputKey(string verb, string milestoneId) => $"{verb}.{milestoneId}";

    private static JsonObject Data(BlockerNoticeView view) => Data(view.Item.TaskId, view.Item.MilestoneId, view.PartId, CardContract.Views.Notice);

    private static (string, IReadOnlyList<JsonNode?>, IReadOnlyList<JsonObject>, string) Form(string title, string verb, JsonObject data, IReadOnlyList<JsonNode?> inputs) =>
        (title, inputs, [Ac.Execute(BlockerStrings.Send, verb, Clone(data), style: "positive")], verb);

    private static JsonObject Clone(JsonObject data) => (JsonObject)data.DeepClone();

    private static JsonObject Note(string verb, string milestoneId, string label, string? placeholder, bool required, ActionDraft? draft)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = CardContract.Inputs.Id(CardContract.Inputs.Note, InputKey(verb, milestoneId)),
            ["label"] = label,
            ["isMultiline"] = true,
            ["maxLength"] = CardContract.Limits.NoteLength,
        };
        if (placeholder is not null)
        {
            input["placeholder"] = placeholder;
        }

        if (required)
        {
            input["isRequired"] = true;
            input["errorMessage"] = BlockerStrings.NoteRequired;
        }

        if (draft?.Verb == verb && draft.Note is { } typed)
        {
            input["value"] = typed;
        }

        return input;
    }

    private static JsonObject NewDue(string milestoneId, DateOnly due, ActionDraft? draft)
    {
        var verb = CardContract.Verbs.ProposeExtension;
        var input = new JsonObject
        {
            ["type"] = "Input.Date",
            ["id"] = CardContract.Inputs.Id(CardContract.Inputs.NewDue, InputKey(verb, milestoneId)),
            ["label"] = BlockerStrings.NewDueLabel,
            ["isRequired"] = true,
            ["errorMessage"] = BlockerStrings.NewDueRequired,
        };
        if (due != DateOnly.MinValue)
        {
            input["min"] = Formats.IsoDate(due.AddDays(1));
        }

        // Only a real date goes back into the input (an Input.Date value must be yyyy-MM-dd).
        if (draft?.Verb == verb && DateOnly.TryParseExact(draft.NewDue?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var typed))
        {
            input["value"] = Formats.IsoDate(typed);
        }

        return input;
    }
}
