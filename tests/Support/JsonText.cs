using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CchcBot.TestSupport;

public static class JsonText
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON text with Vietnamese letters as they are (ToJsonString escapes every non-ASCII character).</summary>
    public static string Readably(this JsonNode node) => node.ToJsonString(Readable);
}
