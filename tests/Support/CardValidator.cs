using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CchcBot.TestSupport;

/// <summary>
/// Validates cards with the official Adaptive Cards JS SDK (tests/Support/validate-card.js), plus what the SDK does
/// not check: schema version 1.5, every Image has a url, no empty FactSet, and the UTF-8 size under Teams' limit.
/// </summary>
public static class CardValidator
{
    /// <summary>Teams refuses cards over about 28 KB; we keep a margin.</summary>
    public const int MaxBytes = 28_000;

    public static IReadOnlyList<string> Validate(JsonNode card) => ValidateMany([card])[0];

    public static IReadOnlyList<IReadOnlyList<string>> ValidateMany(IReadOnlyList<JsonNode> cards)
    {
        var sdk = RunSdk(new JsonArray(cards.Select(c => c.DeepClone()).ToArray()).ToJsonString());
        return cards.Select((card, i) => (IReadOnlyList<string>)[.. sdk[i], .. LocalChecks(card)]).ToList();
    }

    private static List<string> LocalChecks(JsonNode card)
    {
        var problems = new List<string>();
        if (card["type"]?.GetValue<string>() != "AdaptiveCard")
        {
            problems.Add("type is not AdaptiveCard");
        }

        if (card["version"]?.GetValue<string>() != "1.5")
        {
            problems.Add("version is not 1.5");
        }

        var bytes = Encoding.UTF8.GetByteCount(card.Readably());
        if (bytes > MaxBytes)
        {
            problems.Add($"card is {bytes} bytes, over {MaxBytes}");
        }

        foreach (var node in Walk(card))
        {
            var type = node["type"]?.GetValueKind() == JsonValueKind.String ? node["type"]!.GetValue<string>() : null;
            if (type == "Image" && string.IsNullOrWhiteSpace(node["url"]?.GetValue<string>()))
            {
                problems.Add("Image without url");
            }

            if (type == "FactSet" && node["facts"] is not JsonArray { Count: > 0 })
            {
                problems.Add("empty FactSet");
            }

            if (type == "TextBlock" && string.IsNullOrEmpty(node["text"]?.GetValue<string>()))
            {
                problems.Add("TextBlock without text");
            }
        }

        return problems;
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o)
                {
                    foreach (var x in Walk(child))
                    {
                        yield return x;
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var x in Walk(child))
                    {
                        yield return x;
                    }
                }

                break;
        }
    }

    private static List<List<string>> RunSdk(string cardsJson)
    {
        var psi = new ProcessStartInfo("node")
        {
            ArgumentList = { RepoPaths.Of("tests", "Support", "validate-card.js") },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("node could not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(cardsJson);
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(true);
            throw new TimeoutException("the card validator took over 60 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the card validator failed ({process.ExitCode}): {stderr.Result}");
        }

        return JsonSerializer.Deserialize<List<List<string>>>(stdout.Result)!;
    }
}

/// <summary>xunit assertions over <see cref="CardValidator"/>.</summary>
public static class CardAssert
{
    public static void Valid(JsonNode card)
    {
        var problems = CardValidator.Validate(card);
        Assert.True(problems.Count == 0, "Card is not valid:\n - " + string.Join("\n - ", problems) + "\n" + card.ToJsonString());
    }

    public static void AllValid(IReadOnlyList<JsonNode> cards)
    {
        var results = CardValidator.ValidateMany(cards);
        var failures = results.Select((p, i) => (p, i)).Where(x => x.p.Count > 0).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"card {f.i}:\n - " + string.Join("\n - ", f.p))));
    }
}
