using CchcBot.Cards;
using CchcBot.Progress;

namespace CchcBot.Teams;

/// <summary>Section IV's sentences (src/Cards/Texts/BlockerActionStrings) for the approver the plan names.</summary>
public static class BlockerTexts
{
    public static string NotApprover(ExtensionApprover approver) => BlockerActionStrings.NotApprover(Title(approver));

    public static string Proposed(string date, ExtensionApprover approver) => BlockerActionStrings.Proposed(date, Title(approver));

    public static string Title(ExtensionApprover approver) => BlockerActionStrings.ApproverTitle(approver == ExtensionApprover.ChiefInspector);
}
