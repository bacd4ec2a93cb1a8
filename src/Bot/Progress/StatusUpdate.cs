using System.Text;
using CchcBot.Plan;

namespace CchcBot.Progress;

/// <summary>What a user submitted from a card's update form, before validation.</summary>
public sealed record StatusSubmission(string? TaskId, string? MilestoneId, string? Status, string? Note, string? Evidence, string OperationKey);

public enum UpdateRefusal
{
    None,
    UnknownUser,
    MissingIds,
    UnknownTask,
    NotAllowed,
    InvalidStatus,
    NoteRequired,
    NoteTooLong,
    EvidenceTooLong,
    CommentRequired,
}

/// <summary>Cleans user text: NFC, no control characters except line breaks, trimmed; null when empty.</summary>
public static class UserText
{
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c == '\n' || !char.IsControl(c))
            {
                sb.Append(c);
            }
            else if (c == '\r' || c == '\t')
            {
                sb.Append(c == '\t' ? ' ' : '\n');
            }
        }

        var cleaned = sb.ToString().Replace("\n\n\n", "\n\n", StringComparison.Ordinal).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    public static bool TryParseStatus(string? value, out MilestoneStatus status)
    {
        status = MilestoneStatus.NotStarted;
        return value is nameof(MilestoneStatus.InProgress) or nameof(MilestoneStatus.Done) or nameof(MilestoneStatus.Blocked)
            && Enum.TryParse(value, out status);
    }
}
