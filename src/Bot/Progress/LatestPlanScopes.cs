using System.Collections.Concurrent;

namespace CchcBot.Progress;

/// <summary>
/// The progress scope (<see cref="Plan.CchcPlan.ProgressScope"/>) of each agency's latest plan as this process last read
/// it, so that the reads of a later plan year's statuses, approved due dates, assignments and waiting decisions start
/// under that year alongside the plan's own read, instead of under the agency and then again. Only a guess: whoever
/// reads with it compares it with the plan it read, reads again on a miss (a new year imported, here or by another
/// instance) and tells it the scope it found.
/// </summary>
public sealed class LatestPlanScopes
{
    private readonly ConcurrentDictionary<string, string> _scopes = new(StringComparer.Ordinal);

    /// <summary>The scope last seen for the agency; the agency itself (the first year's scope) when none was.</summary>
    public string Of(string agency) => _scopes.TryGetValue(agency, out var scope) ? scope : agency;

    public void Saw(string agency, string scope)
    {
        if (scope == agency)
        {
            _scopes.TryRemove(agency, out _);
        }
        else
        {
            _scopes[agency] = scope;
        }
    }
}
