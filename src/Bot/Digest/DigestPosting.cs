namespace CchcBot.Digest;

public enum DigestPostingOutcome
{
    Posted,
    AlreadyPosted,
    NoPlan,
    Failed,
}

/// <summary>What posting an agency's weekly digest did, and the line the operator reads about it.</summary>
public sealed record DigestPosting(DigestPostingOutcome Outcome, string Summary)
{
    public bool Failed => Outcome == DigestPostingOutcome.Failed;
}
