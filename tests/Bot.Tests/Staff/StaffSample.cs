using CchcBot.Bot.Tests.Storage;
using CchcBot.Bot.Tests.Support;
using CchcBot.Plan;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Staff;

/// <summary>The test directory (SamplePlans) with staff: two in the Office, one in each professional department.</summary>
public static class StaffSample
{
    public const string VpStaff1 = "chuyenvien1.vp@example.gov.vn";
    public const string VpStaff2 = "chuyenvien2.vp@example.gov.vn";
    public const string Nv1Staff = "canbo1.nv1@example.gov.vn";
    public const string Nv2Staff = "canbo1.nv2@example.gov.vn";

    public static AgencyDirectory Directory()
    {
        var d = SamplePlans.Directory();
        return d with
        {
            Departments = d.Departments.Select(x => x.Id switch
            {
                "VP" => x with { Staff = [VpStaff1, VpStaff2] },
                "NV1" => x with { Staff = [Nv1Staff] },
                "NV2" => x with { Staff = [Nv2Staff] },
                _ => x,
            }).ToList(),
        };
    }

    public static TeamsUser Vp1() => BotHarness.User(VpStaff1, "Võ Thị Hoa");

    public static TeamsUser Vp2() => BotHarness.User(VpStaff2, "Đặng Văn Khoa");

    public static TeamsUser Nv1() => BotHarness.User(Nv1Staff, "Huỳnh Văn Lộc");

    public static TeamsUser Nv2() => BotHarness.User(Nv2Staff, "Ngô Thị Mai");
}
