namespace CchcBot.Cards;

/// <summary>
/// What cards send and the bot reads: every verb, view name, input id and limit, in one place. Cards already posted in
/// chats carry these values, so they never change; new ones are added (README's card-contract table lists them).
/// </summary>
public static class CardContract
{
    /// <summary>The <c>verb</c> of each Action.Execute.</summary>
    public static class Verbs
    {
        public const string UpdateStatus = "updateStatus";
        public const string RefreshTask = "refreshTask";
        public const string MyTasksPage = "myTasksPage";
        public const string CooperatingDue = "cooperatingDue";
        public const string DigestDetails = "digestDetails";
        public const string MakeReport = "makeReport";
        public const string ConfirmImport = "confirmImport";
        public const string CancelImport = "cancelImport";
        public const string AttachEvidence = "attachEvidence";
        public const string Assign = "assign";
        public const string SaveDepartment = "saveDepartment";
        public const string GiveDirection = "giveDirection";
        public const string EscalateBlocker = "escalateBlocker";
        public const string ProposeExtension = "proposeExtension";
        public const string DecideExtension = "decideExtension";
        public const string ResolveBlocker = "resolveBlocker";
    }

    /// <summary>The <c>view</c> a card's data names, so an action answers with the same kind of card.</summary>
    public static class Views
    {
        public const string Task = "task";
        public const string MyTasks = "myTasks";
        public const string Reminder = "reminder";
        public const string Notice = "notice";
        public const string DigestSummary = "summary";

        /// <summary>The <c>back</c> value of a task opened from "nhiệm vụ của tôi": its card offers the way back to the list.</summary>
        public const string BackToMyTasks = MyTasks;
    }

    /// <summary>Input ids: a prefix, ":" and the milestone's id (one form per milestone on a card listing several).</summary>
    public static class Inputs
    {
        public const string Status = "status";
        public const string Note = "note";
        public const string Evidence = "evidence";
        public const string Part = "part";
        public const string DoneOn = "doneOn";
        public const string NewDue = "newDue";
        public const string Assignee = "assignee";

        /// <summary>The danh bạ card's department form (keyed by the department's id).</summary>
        public const string Head = "head";
        public const string Deputies = "deputies";
        public const string Staff = "staff";

        public static string Id(string prefix, string key) => $"{prefix}:{key}";
    }

    /// <summary>How long typed text may be: the cards' maxLength and the bot's check are the same numbers.</summary>
    public static class Limits
    {
        public const int NoteLength = 1000;
        public const int EvidenceLength = 500;

        /// <summary>An e-mail address (RFC 5321's path limit).</summary>
        public const int EmailLength = 254;

        /// <summary>The staff list of the directory form, one address per line.</summary>
        public const int StaffListLength = 20000;

        /// <summary>The highest page number of "nhiệm vụ của tôi" a card may ask for.</summary>
        public const int MaxPage = 1000;
    }
}
