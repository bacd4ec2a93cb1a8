using System.Text.Json.Nodes;
using CchcBot.Cards.Views;

namespace CchcBot.Cards;

/// <summary>
/// "danh bạ" (the Chief of Office): every department with its head, deputies and staff, each with an edit form. The
/// card contract: inputs "head:&lt;departmentId&gt;", "deputies:&lt;departmentId&gt;", "staff:&lt;departmentId&gt;"
/// (Input.Text, emails one per line) and an Action.Execute "Lưu" with verb "saveDepartment", data { departmentId }.
/// </summary>
public static class DirectoryCard
{
    /// <param name="draft">What was typed into one department's form, put back (the form open) when it was refused.</param>
    public static JsonObject Build(string agency, IReadOnlyList<DepartmentView> departments, CardBanner? banner = null, DepartmentDraft? draft = null)
    {
        var body = new List<JsonNode?>
        {
            Ac.Text(StaffStrings.DirectoryTitle(Markdown.Escape(agency)), size: "Large", weight: "Bolder"),
            Ac.Text(StaffStrings.DirectoryLead, subtle: true, spacing: "Small"),
            BannerBlock.Render(banner),
        };
        foreach (var d in departments)
        {
            body.Add(Ac.Text(Markdown.Escape(d.Name), weight: "Bolder", separator: true, spacing: "Medium"));
            body.Add(Ac.Facts(
            [
                (StaffStrings.HeadLabel, Markdown.Escape(d.Head)),
                (StaffStrings.DeputiesLabel, List(d.Deputies)),
                (StaffStrings.StaffLabel, List(d.Staff)),
            ]));
            var typed = draft?.DepartmentId == d.Id ? draft : null;
            var inputs = new List<JsonNode?>
            {
                Input($"{CardContract.Inputs.Head}:{d.Id}", StaffStrings.HeadInputLabel, typed is null ? d.Head : typed.Head ?? string.Empty, multiline: false),
                Input($"{CardContract.Inputs.Deputies}:{d.Id}", StaffStrings.DeputiesInputLabel, typed is null ? string.Join("\n", d.Deputies) : typed.Deputies ?? string.Empty, multiline: true),
                Input($"{CardContract.Inputs.Staff}:{d.Id}", StaffStrings.StaffInputLabel, typed is null ? string.Join("\n", d.Staff) : typed.Staff ?? string.Empty, multiline: true),
            };
            var save = Ac.Execute(StaffStrings.SaveButton, CardContract.Verbs.SaveDepartment, new JsonObject { ["departmentId"] = d.Id }, style: "positive");
            body.Add(typed is not null
                ? Ac.Container([.. inputs, Ac.ActionSet(save)], style: "emphasis", spacing: "Small")
                : Ac.ActionSet(Ac.ShowCard(StaffStrings.EditButton, Ac.SubCard(inputs, [save]))));
        }

        return Ac.Card(body);
    }

    /// <summary>The card a new head receives when the Chief of Office names them in the directory.</summary>
    public static JsonObject NewHead(string position, string department) => Ac.Card(
        [
            Ac.Text(StaffStrings.NewHeadTitle(Markdown.Escape(position)), size: "Large", weight: "Bolder"),
            Ac.Text(StaffStrings.NewHeadText(Markdown.Escape(department))),
            Ac.Text(CardStrings.Welcome.Start, spacing: "Medium"),
        ],
        [
            Ac.SendText(CardStrings.MyTasksButton, CardStrings.MyTasksCommand),
            Ac.SendText(CardStrings.HelpButton, CardStrings.HelpCommand),
        ]);

    private static string List(IReadOnlyList<string> people) =>
        people.Count == 0 ? StaffStrings.None : Markdown.Escape(string.Join(", ", people));

    private static JsonObject Input(string id, string label, string value, bool multiline)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = id,
            ["label"] = label,
            ["maxLength"] = multiline ? CardContract.Limits.StaffListLength : CardContract.Limits.EmailLength,
        };
        if (multiline)
        {
            input["isMultiline"] = true;
        }

        if (value.Length > 0)
        {
            input["value"] = value;
        }

        return input;
    }
}
