namespace CchcBot.Hosting;

/// <summary>Invalid settings: the host does not start; each message names the setting.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems)
    : Exception("Invalid settings:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
