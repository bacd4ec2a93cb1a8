namespace CchcBot.Cards.Tests;

/// <summary>
/// The colours Teams renders Adaptive Cards with, per theme and container style: the background and each text colour
/// (normal and subtle, #AARRGGBB or #RRGGBB), as Microsoft publishes them in the Adaptive Cards repository's host
/// configs (samples/HostConfig/microsoft-teams-light.json and microsoft-teams-dark.json). Teams' high-contrast theme has
/// no published host config: Teams renders cards there with the system's forced colours, not these.
/// </summary>
public static class TeamsThemes
{
    public sealed record Colour(string Normal, string Subtle);

    public sealed record Style(string Background, IReadOnlyDictionary<string, Colour> Foreground);

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, Style>> All = new Dictionary<string, IReadOnlyDictionary<string, Style>>
    {
        ["light"] = Theme(
            text: new Colour("#ff252424", "#bf252424"),
            tintedText: new Colour("#ff252424", "#bf252424"),
            coloured: new Dictionary<string, Colour>
            {
                ["accent"] = new("#6264a7", "#8b8cc7"),
                ["good"] = new("#92c353", "#e592c353"),
                ["warning"] = new("#f8d22a", "#e5f8d22a"),
                ["attention"] = new("#c4314b", "#e5c4314b"),
                ["dark"] = new("#252424", "#bf252424"),
                ["light"] = new("#ffffff", "#fff3f2f1"),
            },
            defaultBackground: "#ffffff",
            emphasisBackground: "#fff9f8f7"),
        ["dark"] = Theme(
            text: new Colour("#ffffffff", "#bfffffff"),
            tintedText: new Colour("#ff201f1f", "#ff2d2c2c"),
            coloured: new Dictionary<string, Colour>
            {
                ["accent"] = new("#ffa6a7dc", "#ff8b8cc7"),
                ["good"] = new("#ff92c353", "#e592c353"),
                ["warning"] = new("#fff8d22a", "#e5f8d22a"),
                ["attention"] = new("#ffd74654", "#e5d74654"),
                ["dark"] = new("#ff201f1f", "#ff2d2c2c"),
                ["light"] = new("#ffffffff", "#bfffffff"),
            },
            defaultBackground: "#ff2d2c2c",
            emphasisBackground: "#ff292828"),
    };

    /// <summary>WCAG 2 contrast ratio of a text colour (blended over the background by its alpha) against the background.</summary>
    public static double Contrast(string foreground, string background)
    {
        var (_, br, bg, bb) = Parse(background);
        var (alpha, fr, fg, fb) = Parse(foreground);
        double Blend(double f, double b) => (alpha * f) + ((1 - alpha) * b);
        var text = Luminance(Blend(fr, br), Blend(fg, bg), Blend(fb, bb));
        var back = Luminance(br, bg, bb);
        return (Math.Max(text, back) + 0.05) / (Math.Min(text, back) + 0.05);
    }

    // The tinted container styles (good, warning, attention, accent) have the same light backgrounds in both themes,
    // with a dark default text colour chosen for them; default and emphasis follow the theme.
    private static Dictionary<string, Style> Theme(Colour text, Colour tintedText, Dictionary<string, Colour> coloured, string defaultBackground, string emphasisBackground)
    {
        Style Make(string background, Colour defaultText) =>
            new(background, new Dictionary<string, Colour>(coloured) { ["default"] = defaultText });
        return new Dictionary<string, Style>
        {
            ["default"] = Make(defaultBackground, text),
            ["emphasis"] = Make(emphasisBackground, text),
            ["accent"] = Make("#C7DEF9", tintedText),
            ["good"] = Make("#CCFFCC", tintedText),
            ["attention"] = Make("#FFC5B2", tintedText),
            ["warning"] = Make("#FFE2B2", tintedText),
        };
    }

    private static (double A, double R, double G, double B) Parse(string hex)
    {
        var h = hex.TrimStart('#');
        var alpha = h.Length == 8 ? Convert.ToInt32(h[..2], 16) / 255.0 : 1.0;
        h = h.Length == 8 ? h[2..] : h;
        return (alpha, Convert.ToInt32(h[..2], 16) / 255.0, Convert.ToInt32(h[2..4], 16) / 255.0, Convert.ToInt32(h[4..6], 16) / 255.0);
    }

    private static double Luminance(double r, double g, double b)
    {
        static double Linear(double c) => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        return (0.2126 * Linear(r)) + (0.7152 * Linear(g)) + (0.0722 * Linear(b));
    }
}
