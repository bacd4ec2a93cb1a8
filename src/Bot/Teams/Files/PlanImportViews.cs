using CchcBot.Cards;
using CchcBot.Plan;
using CchcBot.Plan.Files.Word;
using CchcBot.Plan.Import;

namespace CchcBot.Teams.Files;

/// <summary>Maps a plan preview and a plan's differences to the import cards' view records.</summary>
public static class PlanImportViews
{
    public static ImportPreviewView Preview(string fileName, PlanPreview preview, bool stored, string? importId, string? expiresAt, AgencyDirectory directory)
    {
        if (!preview.Ok)
        {
            return new ImportPreviewView(fileName, null, null, [], [], stored, [], [], [], preview.Problems.Select(p => p.ForUser()).ToList(), null, null);
        }

        var plan = preview.Plan!;
        var diff = preview.Diff!;
        var areas = plan.Areas
            .Select(a => new ImportAreaView(a.Name, plan.Tasks.Count(t => t.AreaId == a.Id)))
            .ToList();
        return new ImportPreviewView(
            fileName,
            plan.Title,
            plan.Year,
            areas,
            plan.Tasks.Select(t => Task(t, directory)).ToList(),
            stored,
            diff.Added.Select(t => Task(t, directory)).ToList(),
            diff.Changed.Select(Change).ToList(),
            diff.Removed.Select(t => new ImportChangeView(t.Id, t.Title,
                preview.ToArchive?.Contains(t.Id, StringComparer.OrdinalIgnoreCase) == true ? [PlanImportTexts.KeptForReports] : [])).ToList(),
            [],
            importId,
            expiresAt);
    }

    public static ImportTaskView Task(PlanTask task, AgencyDirectory directory) => new(
        task.Id,
        task.Title,
        string.Join("; ", task.Lead.Select(u => UnitName(directory, u))),
        task.Milestones.Select(m => new ImportMilestoneView(m.Deliverable, m.Due, m.Period)).ToList());

    public static ImportChangeView Change(TaskChange change) =>
        new(change.Id, change.Title, change.Fields.Select(PlanImportTexts.Field).ToList());

    /// <summary>A department's name, a group's name, or the id as written.</summary>
    public static string UnitName(AgencyDirectory directory, string unit)
    {
        if (directory.Find(unit) is { } department)
        {
            return department.Name;
        }

        var names = UnitNames.FromDirectory(directory).Groups.Where(g => string.Equals(g.Id, unit, StringComparison.OrdinalIgnoreCase) && g.Name != g.Id);
        return names.FirstOrDefault()?.Name ?? unit;
    }
}
