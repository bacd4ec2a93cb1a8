namespace CchcBot.Cards.Views;

/// <summary>The "Giao cho cán bộ" form of one milestone (or one department's part of it).</summary>
/// <param name="Part">The lead department whose part is given (data "part"), for a milestone led by several; null otherwise.</param>
/// <param name="Staff">The department's staff (UPN/email), the choices.</param>
/// <param name="Current">Who holds it now (pre-selected).</param>
public sealed record AssignView(string? Part, string Department, IReadOnlyList<string> Staff, IReadOnlyList<string> Current);

/// <summary>One department as the directory card shows and edits it.</summary>
public sealed record DepartmentView(string Id, string Name, string Group, string Head, IReadOnlyList<string> Deputies, IReadOnlyList<string> Staff);

/// <summary>What the Chief of Office typed into a department's form, put back when it was refused.</summary>
public sealed record DepartmentDraft(string DepartmentId, string? Head, string? Deputies, string? Staff);
