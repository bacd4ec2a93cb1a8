using System.Text;
using CchcBot.Plan;

namespace CchcBot.Progress;

/// <summary>What a user submitted from a card's update form, before validation.</summary>
/// <param name="Part">The lead department whose part is reported (input "part:&lt;milestoneId&gt;" or data "part"), for a
/// milestone led by several; null lets the bot take the reporter's own department.</param>
/// <param name="DoneOn">The completion date as typed (input "doneOn:&lt;milestoneId&gt;", yyyy-MM-dd), used with Hoàn thành.</param>
public sealed record StatusSubmission(
    string? TaskId, string? MilestoneId, string? Status, string? Note, string? Evidence, string OperationKey, string? Part = null, string? DoneOn = null);

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

    /// <summary>A card field (view, page) has the wrong type or an unknown value.</summary>
    InvalidCardData,

    /// <summary>More updates from this user in the last minute than <see cref="UpdateRateLimiter"/> allows.</summary>
    TooManyUpdates,

    /// <summary>The milestone is led by several departments and the reporter heads none of them: which part?</summary>
    PartRequired,

    /// <summary>The completion date is not a date, is in the future, or is before the plan's year.</summary>
    InvalidDoneOn,

    /// <summary>Changing a Hoàn thành back (a correction, "điều chỉnh") needs a note saying why.</summary>
    CorrectionNoteRequired,
}

/// <summary>
/// Cleans user text: NFC, no control characters except line breaks, no bidi embedding/override/isolate or mark
/// characters (they can make stored text read differently from what it is), trimmed; null when empty or made only of
/// invisible characters (zero-width space/joiners, word joiner, BOM).
/// </summary>
public static class UserText
{
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var sb = new StringBuilder(text.Length);
        var visible = false;
        // Bidi controls go first, so the text is normalised as it will be stored.
        var stripped = text.Any(IsBidiControl) ? new string(text.Where(c => !IsBidiControl(c)).ToArray()) : text;
        foreach (var c in stripped.Normalize(NormalizationForm.FormC))
        {
            if (c == '\n' || !char.IsControl(c))
            {
                sb.Append(c);
                visible |= !char.IsWhiteSpace(c) && !IsInvisible(c);
            }
            else if (c == '\r' || c == '\t')
            {
                sb.Append(c == '\t' ? ' ' : '\n');
            }
        }

        var cleaned = sb.ToString().Replace("\n\n\n", "\n\n", StringComparison.Ordinal).Trim();
        return cleaned.Length == 0 || !visible ? null : cleaned;
    }

    /// <summary>U+061C, U+200E/F (marks), U+202A–E (embeddings, overrides), U+2066–9 (isolates): removed from stored text.</summary>
    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Zero-width space, non-joiner, joiner, word joiner and BOM: kept, but they do not make a note non-empty.</summary>
    public static bool IsInvisible(char c) => c is (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF';

    public static bool TryParseStatus(string? value, out MilestoneStatus status)
    {
        status = MilestoneStatus.NotStarted;
        return value is nameof(MilestoneStatus.InProgress) or nameof(MilestoneStatus.Done) or nameof(MilestoneStatus.Blocked)
            && Enum.TryParse(value, out status);
    }
}
