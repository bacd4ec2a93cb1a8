namespace CchcBot.Teams.CardActions;

/// <summary>What a refused form gives back: the text as typed, cut to what its input may hold.</summary>
public static class FormText
{
    public static string? Cut(string? text, int max) => text is { Length: > 0 } t && t.Length > max ? t[..max] : text;
}
