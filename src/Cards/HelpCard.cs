using System.Text.Json.Nodes;

namespace CchcBot.Cards;

/// <summary>The commands, each with a button that sends it.</summary>
public static class HelpCard
{
    /// <param name="isStaff">A member of staff: only "nhiệm vụ của tôi" (what is assigned to them).</param>
    public static JsonObject Build(bool isChiefOfOffice, bool isStaff = false)
    {
        var commands = new List<(string Command, string Explanation)>
        {
            (CardStrings.MyTasksCommand, CardStrings.Help.MyTasks),
        };
        if (!isStaff)
        {
            commands.Add((CardStrings.DigestCommand, CardStrings.Help.Digest));
        }

        if (isChiefOfOffice)
        {
            commands.Add((CardStrings.ReportCommand, CardStrings.Help.Report));
            commands.Add((CardStrings.SetChannelCommand, CardStrings.Help.SetChannel));
            commands.Add((StaffStrings.DirectoryCommand, StaffStrings.DirectoryHelp));
        }

        commands.Add((CardStrings.HelpCommand, CardStrings.Help.HelpItself));

        var body = new List<JsonNode?>
        {
            Ac.Text(CardStrings.Help.Title, size: "Large", weight: "Bolder"),
            Ac.Text(CardStrings.Help.Lead, subtle: true),
        };
        body.AddRange(commands.Select(c => (JsonNode)Ac.Columns(
            Ac.Column("auto", Ac.Text($"**{c.Command}**")),
            Ac.Column("stretch", Ac.Text(c.Explanation)))));
        body.Add(Ac.Text(CardStrings.Help.Contact, size: "Small", subtle: true, separator: true));

        var actions = commands.Where(c => c.Command != CardStrings.HelpCommand && c.Command != CardStrings.SetChannelCommand)
            .Select(c => (JsonNode)Ac.SendText(Capitalize(c.Command), c.Command));
        return Ac.Card(body, actions);
    }

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
