namespace CchcBot.Plan.Files;

/// <summary>
/// The properties each object of a plan file may have (README "File formats"). Anything else is an import problem,
/// so a misspelt name ("cooperatng") never silently drops data. Add a new field here and in the reader.
/// </summary>
public static class PlanFileFormat
{
    public static readonly IReadOnlySet<string> Root = Set("agency", "year", "title", "areas", "tasks");

    public static readonly IReadOnlySet<string> Area = Set("id", "name");

    public static readonly IReadOnlySet<string> Task = Set("id", "area", "title", "deliverables", "lead", "cooperating", "timeframe", "milestones");

    public static readonly IReadOnlySet<string> Milestone = Set("deliverable", "due");

    internal static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}

/// <summary>The properties each object of a directory file may have (README "File formats").</summary>
public static class DirectoryFileFormat
{
    public static readonly IReadOnlySet<string> Root = PlanFileFormat.Set(
        "agency", "departments", "chiefOfOffice", "chiefInspector", "agencyName", "parentAgencyName", "place", "documentCode", "groups");

    public static readonly IReadOnlySet<string> Department = PlanFileFormat.Set("id", "name", "group", "head", "deputies", "staff");

    public static readonly IReadOnlySet<string> Group = PlanFileFormat.Set("id", "name", "aliases");
}

/// <summary>
/// Sizes an import accepts, checked before anything is written, so that everything a valid file holds fits the
/// storage's row, property and batch limits (README "File formats").
/// </summary>
public static class ImportLimits
{
    public const int MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxTitleChars = 1_000;
    public const int MaxTextChars = 500;
    public const int MaxIdChars = 64;
    public const int MaxTasks = 2_000;
    public const int MaxAreas = 50;
    public const int MaxMilestonesPerTask = 20;
    public const int MaxDeliverablesPerTask = 20;
    public const int MaxUnitsPerList = 50;
    public const int MaxDepartments = 500;
    public const int MaxDeputiesPerDepartment = 50;
    public const int MaxStaffPerDepartment = 200;
    public const int MaxAddressChars = 254;
}
