namespace CchcBot.Progress;

/// <summary>Who approves a new due date (gia hạn): the Chief Inspector, as the plan says, or the Chief of Office.</summary>
public enum ExtensionApprover
{
    ChiefInspector,
    ChiefOfOffice,
}

/// <summary>Settings under "Plan": <c>Plan:ExtensionApprover</c> = ChiefInspector (default) or ChiefOfOffice.</summary>
public sealed class ExtensionOptions
{
    public const string Section = "Plan";

    public string ExtensionApprover { get; set; } = nameof(Progress.ExtensionApprover.ChiefInspector);

    public ExtensionApprover Approver => Enum.TryParse<ExtensionApprover>(ExtensionApprover?.Trim(), ignoreCase: true, out var a) && Enum.IsDefined(a)
        ? a
        : Progress.ExtensionApprover.ChiefInspector;

    public IEnumerable<string> Validate()
    {
        var text = ExtensionApprover?.Trim();
        if (string.IsNullOrEmpty(text) || int.TryParse(text, out _) || !Enum.TryParse<ExtensionApprover>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            yield return $"Plan:ExtensionApprover '{ExtensionApprover}' must be ChiefInspector or ChiefOfOffice.";
        }
    }
}
