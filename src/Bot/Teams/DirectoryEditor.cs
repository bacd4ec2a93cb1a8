using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.Delivery;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Progress;
using CchcBot.Storage;
using CchcBot.Teams.CardActions;
using CchcBot.Teams.Delivery;

namespace CchcBot.Teams;

/// <summary>
/// The directory kept from Teams (danh bạ): the Chief of Office edits a department's head, deputies and staff. A change
/// is validated as the directory file is (valid addresses, one head per department, a member of staff holds no other
/// position, a person in one agency's directory only), stored as a whole new directory (so the next turn sees it),
/// recorded in the audit store (who, when, before → after), and a new head is welcomed proactively.
/// </summary>
public sealed partial class DirectoryEditor(
    IDirectoryRepository directories, IDirectoryAuditRepository audit, IProactiveSender sender, TimeProvider time, ILogger<DirectoryEditor> logger)
{
    private static readonly TimeSpan WelcomeBudget = TimeSpan.FromSeconds(3);

    public static JsonObject Card(AgencyDirectory directory, CardBanner? banner = null, DepartmentDraft? draft = null) =>
        DirectoryCard.Build(
            directory.Agency,
            directory.Departments.Select(d => new DepartmentView(d.Id, d.Name, d.Group, d.Head, d.Deputies, d.Staff)).ToList(),
            banner,
            draft);

    /// <summary>Validates and stores one department's people; the answer is the directory card (with what was typed when refused).</summary>
    public async Task<JsonObject> SaveAsync(AgencyUser user, Department department, string? head, string? deputies, string? staff, CancellationToken ct)
    {
        var directory = await directories.GetAsync(user.Agency, ct) ?? user.Directory;
        var draft = new DepartmentDraft(department.Id, FormText.Cut(head, MaxTyped), FormText.Cut(deputies, MaxTyped), FormText.Cut(staff, MaxTyped));
        JsonObject Refused(string message) => Card(directory, new CardBanner(message, Error: true), draft);

        var heads = Addresses(head);
        var deputyList = Addresses(deputies);
        var staffList = Addresses(staff);
        if (heads.Concat(deputyList).Concat(staffList).FirstOrDefault(a => !IsAddress(a)) is { } bad)
        {
            return Refused(StaffStrings.InvalidEmail(Markdown.Escape(bad.Length > 254 ? bad[..254] + "…" : bad)));
        }

        if (heads.Count == 0)
        {
            return Refused(StaffStrings.HeadRequired);
        }

        if (heads.Count > 1)
        {
            return Refused(StaffStrings.OneHead);
        }

        if (deputyList.Count > ImportLimits.MaxDeputiesPerDepartment)
        {
            return Refused(StaffStrings.TooMany(StaffStrings.DeputiesLabel, ImportLimits.MaxDeputiesPerDepartment));
        }

        if (staffList.Count > ImportLimits.MaxStaffPerDepartment)
        {
            return Refused(StaffStrings.TooMany(StaffStrings.StaffLabel, ImportLimits.MaxStaffPerDepartment));
        }

        var everyone = heads.Concat(deputyList).Concat(staffList).ToList();
        if (everyone.Where((a, i) => everyone.Take(i).Any(b => AgencyDirectory.SamePerson(a, b))).FirstOrDefault() is { } twice)
        {
            return Refused(StaffStrings.Twice(Markdown.Escape(twice)));
        }

        var current = directory.Find(department.Id) ?? department;
        var updated = current with { Head = heads[0], Deputies = deputyList, Staff = staffList };
        var others = directory.Departments.Where(d => d.Id != current.Id).ToList();
        foreach (var person in staffList)
        {
            if (PositionOf(directory, others, person, asStaff: true) is { } position)
            {
                return Refused(StaffStrings.ElsewhereInDirectory(Markdown.Escape(person), position));
            }
        }

        foreach (var person in heads.Concat(deputyList))
        {
            if (others.FirstOrDefault(d => d.Staff.Any(s => AgencyDirectory.SamePerson(s, person))) is { } d)
            {
                return Refused(StaffStrings.ElsewhereInDirectory(Markdown.Escape(person), $"cán bộ của {Markdown.Escape(d.Name)}"));
            }
        }

        var next = directory with { Departments = directory.Departments.Select(d => d.Id == current.Id ? updated : d).ToList() };
        // The same rules as the file, as a backstop: what Teams stores can always be exported and loaded back.
        var written = DirectoryFileWriter.Write(next);
        var check = DirectoryFileReader.Read(written);
        if (!check.Ok)
        {
            // The reader's words are the operator's (English, logged); the Chief of Office reads them in Vietnamese.
            logger.LogWarning("Directory edit of department {DepartmentId} of {Agency} refused by the directory file's rules: {Problems}", current.Id, user.Agency, string.Join("; ", check.Problems));
            return Refused(StaffStrings.Invalid(Markdown.Escape(string.Join("; ", check.Problems.Take(3).Select(ProblemForUser)))));
        }

        if (written == DirectoryFileWriter.Write(directory))
        {
            return Card(directory, StaffStrings.Unchanged(Markdown.Escape(current.Name)));
        }

        try
        {
            await directories.ReplaceAsync(next, movePeople: false, expected: directory, ct);
        }
        catch (PersonInOtherAgencyException e)
        {
            var conflict = e.Conflicts[0];
            return Refused(StaffStrings.OtherAgency(Markdown.Escape(conflict.Person), Markdown.Escape(conflict.OtherAgency)));
        }
        catch (InvalidOperationException)
        {
            return Refused(StaffStrings.Busy);
        }

        logger.LogInformation("Department {DepartmentId} of {Agency} changed from Teams by user {UserObjectId}", current.Id, user.Agency, user.ObjectId);
        await audit.RecordAsync(new DirectoryChange(user.Agency, current.Id, user.Upn, user.Name, time.GetUtcNow(), current, updated), ct);
        if (!AgencyDirectory.SamePerson(current.Head, updated.Head))
        {
            await WelcomeAsync(user.Agency, updated, ct);
        }

        return Card(next, StaffStrings.Saved(Markdown.Escape(current.Name)));
    }

    /// <summary>Best effort and quick (inside the invoke): through a known chat, or Graph's proactive install where configured.</summary>
    private async Task WelcomeAsync(string agency, Department department, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(WelcomeBudget);
        try
        {
            var card = DirectoryCard.NewHead(Positions.Head(department), department.Name);
            var result = await sender.SendToPersonAsync(agency, department.Head, CardMessages.Of(card, StaffStrings.NewHeadTitle(Positions.Head(department))), timeout.Token);
            if (!result.Delivered)
            {
                logger.LogInformation("Welcome card for the new head of {DepartmentId} not delivered: {Status}", department.Id, result.Status);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Welcome card for the new head of {DepartmentId} failed", department.Id);
        }
    }

    /// <summary>A position that a member of staff may not also hold (Vietnamese, for the banner); null when none.</summary>
    private static string? PositionOf(AgencyDirectory directory, IReadOnlyList<Department> others, string person, bool asStaff)
    {
        if (AgencyDirectory.SamePerson(directory.ChiefOfOffice, person))
        {
            return Positions.ChiefOfOffice;
        }

        if (AgencyDirectory.SamePerson(directory.ChiefInspector, person))
        {
            return Positions.ChiefInspector;
        }

        if (others.FirstOrDefault(d => AgencyDirectory.SamePerson(d.Head, person) || d.Deputies.Any(x => AgencyDirectory.SamePerson(x, person))) is { } led)
        {
            return Markdown.Escape(Positions.Of(directory, person) is { Length: > 0 } p ? p : Positions.Head(led));
        }

        return asStaff && others.FirstOrDefault(d => d.Staff.Any(s => AgencyDirectory.SamePerson(s, person))) is { } d2
            ? $"cán bộ của {Markdown.Escape(d2.Name)}"
            : null;
    }

    /// <summary>One problem the directory file's rules find, as the Chief of Office reads it: the reader's Vietnamese line
    /// ("Phòng Nghiệp vụ 2, cán bộ thứ 1: …"); a problem without one is named by its place only.</summary>
    private static string ProblemForUser(ImportProblem problem) =>
        problem.UserText ?? $"{DirectoryProblemPlaces.Describe(problem.Path)}: nội dung chưa đúng quy định của danh bạ";

    /// <summary>Addresses one per line (commas and semicolons also separate); invisible and bidi characters are dropped.</summary>
    private static List<string> Addresses(string? text) =>
        (text ?? string.Empty)
            .Split(['\n', '\r', ',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => new string(a.Where(c => !UserText.IsInvisible(c) && !UserText.IsBidiControl(c) && !char.IsControl(c)).ToArray()))
            .Where(a => a.Length > 0)
            .ToList();

    private static bool IsAddress(string a) => a.Length <= ImportLimits.MaxAddressChars && AddressPattern().IsMatch(a);

    /// <summary>What a refused edit form gives back at most, per input.</summary>
    private const int MaxTyped = 20_000;

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex AddressPattern();
}
