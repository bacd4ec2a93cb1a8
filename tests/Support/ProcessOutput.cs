using System.Diagnostics;
using System.Text;

namespace CchcBot.TestSupport;

/// <summary>A started child's stdout and stderr, collected line by line as they arrive (for failure messages).</summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();
    private readonly Action<string>? _onLine;

    /// <param name="onLine">Called with each line as it arrives (e.g. to notice a "Ready." line).</param>
    public ProcessOutput(Process process, Action<string>? onLine = null)
    {
        _onLine = onLine;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
        }

        _onLine?.Invoke(line);
    }
}
