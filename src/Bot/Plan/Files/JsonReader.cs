using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CchcBot.Plan.Files;

/// <summary>Reads required and optional fields of a JSON object, collecting a problem (with its path) for each defect.</summary>
internal sealed partial class JsonReader(List<ImportProblem> problems)
{
    public void Problem(string path, string message) => problems.Add(new ImportProblem(path, message));

    public static JsonDocument? Parse(string json, List<ImportProblem> problems)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            problems.Add(new ImportProblem("$", $"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}"));
            return null;
        }
    }

    public bool IsObject(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Problem(path, $"must be an object, not {Kind(e)}");
        return false;
    }

    /// <summary>A required non-empty string, trimmed and NFC-normalised; null (with a problem) otherwise.</summary>
    public string? String(JsonElement parent, string name, string path, bool required = true)
    {
        var at = $"{path}.{name}";
        if (!parent.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem(at, "is required");
            }

            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            Problem(at, $"must be a string, not {Kind(e)}");
            return null;
        }

        var value = Clean(e.GetString()!);
        if (value.Length == 0 && required)
        {
            Problem(at, "must not be empty");
            return null;
        }

        return value;
    }

    public int? Int(JsonElement parent, string name, string path)
    {
        var at = $"{path}.{name}";
        if (!parent.TryGetProperty(name, out var e))
        {
            Problem(at, "is required");
            return null;
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var value))
        {
            Problem(at, $"must be a whole number, not {Kind(e)}");
            return null;
        }

        return value;
    }

    /// <summary>The elements of an array property; an empty list (with a problem when required) otherwise.</summary>
    public IReadOnlyList<JsonElement> Array(JsonElement parent, string name, string path, bool required = true)
    {
        var at = $"{path}.{name}";
        if (!parent.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem(at, "is required");
            }

            return [];
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            Problem(at, $"must be an array, not {Kind(e)}");
            return [];
        }

        return e.EnumerateArray().ToList();
    }

    /// <summary>An array of non-empty strings (trimmed, NFC).</summary>
    public List<string> Strings(JsonElement parent, string name, string path, bool required = true, bool nonEmpty = true)
    {
        var items = Array(parent, name, path, required);
        var result = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{path}.{name}[{i}]";
            if (items[i].ValueKind != JsonValueKind.String)
            {
                Problem(at, $"must be a string, not {Kind(items[i])}");
                continue;
            }

            var value = Clean(items[i].GetString()!);
            if (value.Length == 0)
            {
                Problem(at, "must not be empty");
                continue;
            }

            result.Add(value);
        }

        if (nonEmpty && required && items.Count == 0 && parent.TryGetProperty(name, out var present) && present.ValueKind == JsonValueKind.Array)
        {
            Problem($"{path}.{name}", "must not be empty");
        }

        return result;
    }

    /// <summary>Ids become table keys: no "/", "\", "#", "?", control characters; at most 64 characters.</summary>
    public bool ValidId(string? id, string path)
    {
        if (id is null)
        {
            return false;
        }

        if (id.Length > 64 || ForbiddenInKey().IsMatch(id))
        {
            Problem(path, $"'{id}' is not a valid id: at most 64 characters, none of / \\ # ? or control characters");
            return false;
        }

        return true;
    }

    public static string Clean(string text) => text.Normalize(NormalizationForm.FormC).Trim();

    public static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }

    [GeneratedRegex(@"[/\\#?\p{Cc}]")]
    private static partial Regex ForbiddenInKey();
}
