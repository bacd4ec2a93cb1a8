using CchcBot.Plan;
using CchcBot.Storage;

namespace CchcBot.Tab;

/// <summary>
/// Matches a signed-in address (the token's preferred_username, or the person chosen in local anonymous mode) against
/// the stored directories exactly as chat does (Teams/Identity/UserResolver): a department head or deputy gets their
/// departments, the Chief of Office the Office's too, the Chief Inspector the whole plan, staff (cán bộ) what their head
/// assigned to them. Read on every request, so a
/// directory change applies at once.
/// </summary>
public sealed class TabUsers(IDirectoryRepository directories, IPlanRepository plans)
{
    public async Task<AgencyUser?> ResolveAsync(string objectId, IEnumerable<string?> addresses, CancellationToken ct)
    {
        foreach (var address in addresses.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            foreach (var agency in await directories.AgenciesOfAsync(address, ct))
            {
                if (await directories.GetAsync(agency, ct) is not { } directory)
                {
                    continue;
                }

                var departments = directory.DepartmentsOf(address).ToList();
                if (AgencyDirectory.SamePerson(directory.ChiefOfOffice, address))
                {
                    departments.InsertRange(0, directory.Departments.Where(d =>
                        string.Equals(d.Group, AgencyDirectory.OfficeGroup, StringComparison.OrdinalIgnoreCase) && !departments.Contains(d)));
                }

                var staffOf = directory.StaffOf(address);
                if (departments.Count > 0 || staffOf.Count > 0 || AgencyDirectory.SamePerson(directory.ChiefInspector, address))
                {
                    return new AgencyUser(objectId, address, address, agency, directory, departments) { StaffOf = staffOf };
                }
            }
        }

        return null;
    }

    /// <summary>Everyone the directories name (local anonymous mode's sign-in list): address, role, agency.</summary>
    public async Task<IReadOnlyList<TabPerson>> EveryoneAsync(CancellationToken ct)
    {
        var people = new List<TabPerson>();
        foreach (var agency in await plans.AgenciesAsync(ct))
        {
            if (await directories.GetAsync(agency, ct) is not { } directory)
            {
                continue;
            }

            people.Add(new TabPerson(directory.ChiefInspector, Positions.ChiefInspector, agency));
            people.Add(new TabPerson(directory.ChiefOfOffice, Positions.ChiefOfOffice, agency));
            foreach (var d in directory.Departments)
            {
                people.Add(new TabPerson(d.Head, Positions.Head(d), agency));
                people.AddRange(d.Deputies.Select(x => new TabPerson(x, Positions.Deputy(d), agency)));
                people.AddRange(d.Staff.Select(x => new TabPerson(x, Positions.Staff(d), agency)));
            }
        }

        return people
            .Where(p => !string.IsNullOrWhiteSpace(p.Email))
            .DistinctBy(p => (p.Email.ToUpperInvariant(), p.Agency))
            .ToList();
    }
}

/// <param name="Email">UPN or email, as the directory names the person.</param>
public sealed record TabPerson(string Email, string Role, string Agency);
