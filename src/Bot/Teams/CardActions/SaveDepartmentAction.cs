using CchcBot.Cards;
using CchcBot.Progress;
using Microsoft.Bot.Schema;

namespace CchcBot.Teams.CardActions;

/// <summary>
/// Verb "saveDepartment" (Lưu, on the danh bạ card): data { departmentId }, inputs "head:&lt;id&gt;", "deputies:&lt;id&gt;",
/// "staff:&lt;id&gt;". Only the Chief of Office (from the stored directory) may; the department must exist (adding or
/// renaming one stays a file operation).
/// </summary>
public sealed class SaveDepartmentAction(DirectoryEditor editor, ChatCards cards) : ICardAction
{
    public string Verb => CardContract.Verbs.SaveDepartment;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionRequest request, CancellationToken ct)
    {
        if (request.User is not { } user)
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.UnknownUser)));
        }

        if (!user.IsChiefOfOffice)
        {
            return InvokeResponses.Card(cards.Error(StaffStrings.DirectoryRefusal(user.Directory.ChiefOfOffice)));
        }

        var id = request.GetString("departmentId");
        if (string.IsNullOrWhiteSpace(id))
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.InvalidCardData)));
        }

        if (user.Directory.Find(id) is not { } department)
        {
            return InvokeResponses.Card(cards.Error(StaffStrings.UnknownDepartment));
        }

        string? Input(string name) => request.GetString($"{name}:{department.Id}") ?? request.GetString(name);
        bool WrongType(string name) => Input(name) is null && !(request.IsAbsent($"{name}:{department.Id}") && request.IsAbsent(name));
        if (WrongType(CardContract.Inputs.Head) || WrongType(CardContract.Inputs.Deputies) || WrongType(CardContract.Inputs.Staff))
        {
            return InvokeResponses.Card(cards.Error(CardTexts.Refusal(UpdateRefusal.InvalidCardData)));
        }

        // An input the card did not send keeps what is stored (never read as "nobody").
        return InvokeResponses.Card(await editor.SaveAsync(
            user,
            department,
            Input(CardContract.Inputs.Head) ?? department.Head,
            Input(CardContract.Inputs.Deputies) ?? string.Join("\n", department.Deputies),
            Input(CardContract.Inputs.Staff) ?? string.Join("\n", department.Staff),
            ct));
    }
}
