namespace CchcBot.Plan.Files;

/// <summary>One problem in an imported file, with its place as a JSON path ("$.tasks[3].lead[0]").</summary>
public sealed record ImportProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The result of reading a file: the value when the whole file is valid, otherwise every problem found.</summary>
public sealed record ReadResult<T>(T? Value, IReadOnlyList<ImportProblem> Problems)
    where T : class
{
    public bool Ok => Value is not null && Problems.Count == 0;
}
