namespace CchcBot.Plan.Files;

/// <summary>
/// One problem in an imported file, with its place as a JSON path ("$.tasks[3].lead[0]") and an operator's message
/// (English for a JSON file; the Word reader's are Vietnamese already). <see cref="UserText"/> is the same problem as a
/// person in Teams reads it, in Vietnamese, naming the place in words ("Nhiệm vụ thứ 4 (TC-4), đơn vị chủ trì (lead) thứ 1: …").
/// </summary>
public sealed record ImportProblem(string Path, string Message)
{
    /// <summary>The whole line in Vietnamese for a user; null when <see cref="Message"/> is already what a user reads.</summary>
    public string? UserText { get; init; }

    public override string ToString() => $"{Path}: {Message}";

    /// <summary>
    /// What a user in Teams is shown: <see cref="UserText"/>, else the message at its place in words when the place is a
    /// JSON path (a problem the importer words in Vietnamese, "$.agency"), else <see cref="ToString"/> (the Word reader's).
    /// </summary>
    public string ForUser() =>
        UserText ?? (Path.StartsWith('$') ? $"{PlanProblemPlaces.Describe(Path)}: {Message}" : ToString());
}

/// <summary>The result of reading a file: the value when the whole file is valid, otherwise every problem found.</summary>
public sealed record ReadResult<T>(T? Value, IReadOnlyList<ImportProblem> Problems)
    where T : class
{
    public bool Ok => Value is not null && Problems.Count == 0;
}
