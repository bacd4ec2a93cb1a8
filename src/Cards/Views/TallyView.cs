namespace CchcBot.Cards.Views;

/// <summary>
/// How a set of milestones stands at one instant, counted one way on every surface (chat, digest, workbook). The four
/// groups of Vietnamese task statistics partition the dated milestones; among the not done, <see cref="InProgress"/>
/// and <see cref="Blocked"/> say how many have started or are stuck. Ongoing ("Thường xuyên") work is counted apart and
/// never in <see cref="Dated"/>.
/// </summary>
/// <param name="DoneOnTime">Hoàn thành đúng hạn: done, on or before the due date.</param>
/// <param name="DoneLate">Hoàn thành trễ hạn: done after the due date.</param>
/// <param name="OpenInTime">Chưa hoàn thành, trong hạn: not done, due date not passed.</param>
/// <param name="OpenOverdue">Chưa hoàn thành, quá hạn: not done, due date passed (blocked ones included).</param>
/// <param name="InProgress">Not done and reported Đang thực hiện.</param>
/// <param name="Blocked">Not done and reported Gặp vướng mắc.</param>
/// <param name="OngoingTasks">Tasks with ongoing work (nhiệm vụ thường xuyên).</param>
public sealed record TallyView(int DoneOnTime, int DoneLate, int OpenInTime, int OpenOverdue, int InProgress, int Blocked, int OngoingTasks)
{
    public static readonly TallyView Empty = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Every dated milestone: the sum of the four groups.</summary>
    public int Dated => DoneOnTime + DoneLate + OpenInTime + OpenOverdue;

    public int Done => DoneOnTime + DoneLate;

    public int Open => OpenInTime + OpenOverdue;

    /// <summary>Not done, not started (neither in progress nor blocked).</summary>
    public int NotStarted => Open - InProgress - Blocked;
}

/// <summary>A named tally: one reform area's or one department's row in a table.</summary>
public sealed record TallyRow(string Name, TallyView Tally);
