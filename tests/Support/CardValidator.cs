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

    /// <summary>Process id of the shared SDK validator (one node process per test run), 0 when none is running.</summary>
    public static int SdkProcessId => SdkValidator.Shared.ProcessId;

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

    private static List<List<string>> RunSdk(string cardsJson) => SdkValidator.Shared.Validate(cardsJson);
}

/// <summary>
/// The one node process running tests/Support/validate-card.js for the whole test run: started on first use,
/// one request line and one answer line at a time (callers from any thread take turns), gone with the test host
/// (stdin closes when the host exits; exit-with-parent.js covers a host that is killed). A validator that died or
/// hung is replaced on the next call.
/// </summary>
internal sealed class SdkValidator
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private Process? _process;
    private StringBuilder _stderr = new();

    public static SdkValidator Shared { get; } = new();

    /// <summary>The running validator's process id, for the tests that show it is shared (0 before the first use).</summary>
    public int ProcessId
    {
        get
        {
            lock (_gate)
            {
                return _process is { HasExited: false } p ? p.Id : 0;
            }
        }
    }

    public List<List<string>> Validate(string cardsJson)
    {
        lock (_gate)
        {
            var reused = _process is { HasExited: false };
            var line = Exchange(cardsJson);
            if (line is null && reused)
            {
                // The validator died since the previous request (killed, crashed): a fresh one gets one more try.
                line = Exchange(cardsJson);
            }

            if (line is null)
            {
                throw Fail("the card validator exited without answering");
            }

            var answer = JsonNode.Parse(line);
            if (answer is JsonObject { } error)
            {
                throw new InvalidOperationException($"the card validator refused the request: {error["error"]}");
            }

            return answer.Deserialize<List<List<string>>>()!;
        }
    }

    /// <summary>Sends one request line and reads its answer line; null when the validator is gone.</summary>
    /// <remarks>
    /// Reads synchronously: a blocked thread-pool thread waiting on an async read would need another pool thread to
    /// finish it, and many test threads waiting here at once would starve the pool. A watchdog ends a hung validator.
    /// </remarks>
    private string? Exchange(string request)
    {
        var process = _process is { HasExited: false } running ? running : Start();
        var timedOut = false;
        using var watchdog = new Timer(
            _ =>
            {
                timedOut = true;
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            },
            null,
            Timeout,
            System.Threading.Timeout.InfiniteTimeSpan);
        string? line;
        try
        {
            process.StandardInput.WriteLine(request);
            process.StandardInput.Flush();
            line = process.StandardOutput.ReadLine();
        }
        catch (IOException)
        {
            line = null;
        }

        watchdog.Change(System.Threading.Timeout.Infinite, System.Threading.Timeout.Infinite);
        return timedOut ? throw Fail($"the card validator took over {Timeout.TotalSeconds} s") : line;
    }

    private Process Start()
    {
        Stop();
        var psi = NodeServer.StartInfo(RepoPaths.Of("tests", "Support", "validate-card.js"));
        psi.RedirectStandardInput = true;
        psi.StandardInputEncoding = new UTF8Encoding(false);
        psi.StandardOutputEncoding = Encoding.UTF8;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("node could not start");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        _stderr = stderr;
        _process = process;
        return process;
    }

    /// <summary>Stops the current validator (it failed) and builds the error, with what it wrote on stderr.</summary>
    private InvalidOperationException Fail(string what)
    {
        Stop(); // waits for the process to end, so its last words are in
        string stderr;
        lock (_stderr)
        {
            stderr = _stderr.ToString();
        }

        return new InvalidOperationException($"{what}: {stderr}");
    }

    private void Stop()
    {
        if (_process is { } process)
        {
            ChildProcess.Kill(process);
        }

        _process = null;
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
