using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CchcBot.TestSupport;

public static class JsonText
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON text with Vietnamese letters as they are (ToJsonString escapes every non-ASCII character).</summary>
    public static string Readably(this JsonNode node) => node.ToJsonString(Readable);

    /// <summary>Sets the value at a simple path such as <c>tasks[0].lead</c> (the last step must be a property).</summary>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var steps = path.Split('.');
        JsonNode node = root;
        foreach (var step in steps[..^1])
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            node = bracket < 0
                ? node[step]!
                : node[step[..bracket]]![int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        node[steps[^1]] = value;
    }
}
