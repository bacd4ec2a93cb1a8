using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CchcBot.Plan.Files;

/// <summary>
/// Reads required and optional fields of a JSON object, collecting a problem (with its path) for each defect: the
/// operator's message in English and the user's line in Vietnamese (<see cref="ImportProblem.UserText"/>), its place put
/// in words by <paramref name="describe"/>; <paramref name="file"/> names the file as a user does ("tệp kế hoạch").
/// </summary>
internal sealed partial class JsonReader(List<ImportProblem> problems, Func<string, string> describe, string file)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <param name="vietnamese">The message as a user reads it; the place is put in words before it.</param>
    public void Problem(string path, string message, string vietnamese) =>
        problems.Add(new ImportProblem(path, message) { UserText = $"{describe(path)}: {vietnamese}" });

    /// <summary>A problem of the whole file ("$"), in both languages.</summary>
    private static ImportProblem FileProblem(string message, string vietnamese) => new("$", message) { UserText = $"Tệp: {vietnamese}" };

    /// <summary>Decodes a file's bytes as strict UTF-8 (a leading BOM is skipped): an invalid byte is a problem
    /// naming its offset, never a silent U+FFFD. Files over <see cref="ImportLimits.MaxFileBytes"/> are refused.</summary>
    public static string? Decode(byte[] bytes, List<ImportProblem> problems)
    {
        if (bytes.Length > ImportLimits.MaxFileBytes)
        {
            problems.Add(FileProblem($"the file is {bytes.Length:N0} bytes; at most {ImportLimits.MaxFileBytes:N0} (10 MB)",
                $"tệp dung lượng {bytes.Length.ToString("N0", Vi)} byte, vượt quá giới hạn {ImportLimits.MaxFileBytes.ToString("N0", Vi)} byte (10 MB)"));
            return null;
        }

        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var offset = start + Math.Max(e.Index, 0);
            problems.Add(FileProblem($"not valid UTF-8: invalid byte 0x{e.BytesUnknown?.FirstOrDefault():X2} at byte offset {offset} (save the file as UTF-8)",
                $"không phải văn bản UTF-8 hợp lệ: byte 0x{e.BytesUnknown?.FirstOrDefault():X2} tại vị trí {offset} không hợp lệ (đề nghị lưu tệp với bảng mã UTF-8)"));
            return null;
        }
    }

    /// <summary>Parses the JSON and reports every duplicated key (the last value would silently win) with its path, put in
    /// words by <paramref name="describe"/> (the path and the file's root).</summary>
    public static JsonDocument? Parse(string json, List<ImportProblem> problems, Func<string, JsonElement, string> describe)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            problems.Add(FileProblem($"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}",
                $"không phải JSON hợp lệ (dòng {e.LineNumber + 1}, vị trí {e.BytePositionInLine + 1})"));
            return null;
        }

        ReportDuplicateKeys(document.RootElement, "$", problems, path => describe(path, document.RootElement));
        return document;
    }

    /// <summary>Reports every property of <paramref name="e"/> that the file format does not define.</summary>
    public void OnlyKnown(JsonElement e, string path, IReadOnlySet<string> known)
    {
        foreach (var property in e.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                Problem($"{path}.{property.Name}", $"unknown property '{property.Name}' (known here: {string.Join(", ", known)})",
                    $"{file} không có trường này (các trường ở đây: {string.Join(", ", known)})");
            }
        }
    }

    /// <summary>At most <paramref name="max"/> elements; a problem otherwise.</summary>
    public bool AtMost(IReadOnlyCollection<JsonElement> items, int max, string path, string what)
    {
        if (items.Count <= max)
        {
            return true;
        }

        var counted = Counted.GetValueOrDefault(what, what);
        Problem(path, $"{items.Count:N0} {what}; at most {max:N0}", $"có {items.Count.ToString("N0", Vi)} {counted}, tối đa {max.ToString("N0", Vi)} {counted}");
        return false;
    }

    private static void ReportDuplicateKeys(JsonElement e, string path, List<ImportProblem> problems, Func<string, string> describe)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in e.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    problems.Add(new ImportProblem($"{path}.{property.Name}", $"duplicate key '{property.Name}': each property may appear only once")
                    {
                        UserText = $"{describe($"{path}.{property.Name}")}: trường '{property.Name}' xuất hiện nhiều lần; mỗi trường chỉ được ghi một lần",
                    });
                }

                ReportDuplicateKeys(property.Value, $"{path}.{property.Name}", problems, describe);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in e.EnumerateArray())
            {
                ReportDuplicateKeys(item, $"{path}[{i++}]", problems, describe);
            }
        }
    }

    public bool IsObject(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Problem(path, $"must be an object, not {Kind(e)}", $"phải là một đối tượng JSON ({{…}}), không phải {KindVi(e)}");
        return false;
    }

    /// <summary>A required non-empty string, trimmed and NFC-normalised; null (with a problem) otherwise.</summary>
    public string? String(JsonElement parent, string name, string path, bool required = true, int max = ImportLimits.MaxTextChars)
    {
        var at = $"{path}.{name}";
        if (!parent.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem(at, "is required", Required);
            }

            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            Problem(at, $"must be a string, not {Kind(e)}", $"phải là chuỗi văn bản, không phải {KindVi(e)}");
            return null;
        }

        var value = Clean(e.GetString()!);
        if (value.Length == 0 && required)
        {
            Problem(at, "must not be empty", NotEmpty);
            return null;
        }

        return TooLong(value, max, at) ? null : value;
    }

    public int? Int(JsonElement parent, string name, string path)
    {
        var at = $"{path}.{name}";
        if (!parent.TryGetProperty(name, out var e))
        {
            Problem(at, "is required", Required);
            return null;
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var value))
        {
            Problem(at, $"must be a whole number, not {Kind(e)}", $"phải là số nguyên, không phải {KindVi(e)}");
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
                Problem(at, "is required", Required);
            }

            return [];
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            Problem(at, $"must be an array, not {Kind(e)}", $"phải là một danh sách JSON ([…]), không phải {KindVi(e)}");
            return [];
        }

        return e.EnumerateArray().ToList();
    }

    /// <summary>An array of non-empty strings (trimmed, NFC).</summary>
    public List<string> Strings(JsonElement parent, string name, string path, bool required = true, bool nonEmpty = true, int maxItems = ImportLimits.MaxUnitsPerList)
    {
        var items = Array(parent, name, path, required);
        if (!AtMost(items, maxItems, $"{path}.{name}", "items"))
        {
            return [];
        }

        var result = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{path}.{name}[{i}]";
            if (items[i].ValueKind != JsonValueKind.String)
            {
                Problem(at, $"must be a string, not {Kind(items[i])}", $"phải là chuỗi văn bản, không phải {KindVi(items[i])}");
                continue;
            }

            var value = Clean(items[i].GetString()!);
            if (value.Length == 0)
            {
                Problem(at, "must not be empty", NotEmpty);
                continue;
            }

            if (!TooLong(value, ImportLimits.MaxTextChars, at))
            {
                result.Add(value);
            }
        }

        if (nonEmpty && required && items.Count == 0 && parent.TryGetProperty(name, out var present) && present.ValueKind == JsonValueKind.Array)
        {
            Problem($"{path}.{name}", "must not be empty", NotEmpty);
        }

        return result;
    }

    /// <summary>Ids become table keys: no "/", "\", "#", "?", control characters, and nothing invisible (zero-width
    /// or bidi control characters would make two ids look the same); at most 64 characters.</summary>
    public bool ValidId(string? id, string path)
    {
        if (id is null)
        {
            return false;
        }

        if (id.Length > ImportLimits.MaxIdChars || ForbiddenInKey().IsMatch(id))
        {
            Problem(path, $"'{Visible(id)}' is not a valid id: at most {ImportLimits.MaxIdChars} characters, none of / \\ # ? or control characters",
                $"'{Visible(id)}' không phải mã hợp lệ: tối đa {ImportLimits.MaxIdChars} ký tự, không có các ký tự / \\ # ? và ký tự điều khiển");
            return false;
        }

        if (HasInvisible(id))
        {
            Problem(path, $"'{Visible(id)}' is not a valid id: it contains an invisible (zero-width or bidi control) character",
                $"'{Visible(id)}' không phải mã hợp lệ: có ký tự ẩn (ký tự độ rộng bằng 0 hoặc ký tự điều khiển chiều viết)");
            return false;
        }

        return true;
    }

    /// <summary>Zero-width (U+200B–U+200D, U+2060, U+FEFF) or bidi control characters (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).</summary>
    public static bool HasInvisible(string text) => Invisible().IsMatch(text);

    /// <summary>The text with invisible characters shown as \uXXXX, for problem messages.</summary>
    public static string Visible(string text) =>
        Invisible().Replace(text.Length > 80 ? text[..80] + "…" : text, m => $"\\u{(int)m.Value[0]:X4}");

    private bool TooLong(string value, int max, string path)
    {
        if (value.Length <= max)
        {
            return false;
        }

        Problem(path, $"is {value.Length:N0} characters long; at most {max:N0}", $"dài {value.Length.ToString("N0", Vi)} ký tự, tối đa {max.ToString("N0", Vi)} ký tự");
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

    /// <summary>What a value is, as a user reads it.</summary>
    public static string KindVi(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "một đối tượng",
        JsonValueKind.Array => "một danh sách",
        JsonValueKind.String => "một chuỗi văn bản",
        JsonValueKind.Number => "một số",
        JsonValueKind.True or JsonValueKind.False => "giá trị đúng/sai",
        JsonValueKind.Null => "giá trị rỗng (null)",
        _ => "không có giá trị",
    };

    private const string Required = "bắt buộc phải có";
    private const string NotEmpty = "không được để trống";

    /// <summary>The words for what <see cref="AtMost"/> counts.</summary>
    private static readonly Dictionary<string, string> Counted = new(StringComparer.Ordinal)
    {
        ["tasks"] = "nhiệm vụ",
        ["areas"] = "lĩnh vực",
        ["milestones"] = "mốc",
        ["items"] = "mục",
        ["departments"] = "phòng",
        ["groups"] = "nhóm",
        ["deputies"] = "cấp phó",
        ["staff"] = "người",
    };

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }

    [GeneratedRegex(@"[/\\#?\p{Cc}]")]
    private static partial Regex ForbiddenInKey();

    [GeneratedRegex("[\u200B-\u200D\u2060\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069]")]
    private static partial Regex Invisible();

}
