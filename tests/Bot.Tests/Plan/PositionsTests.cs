using CchcBot.Plan;

namespace CchcBot.Bot.Tests.Plan;

public class PositionsTests
{
    private static readonly Department Office = new("vp", "Văn phòng", AgencyDirectory.OfficeGroup, "cvp@x.vn", ["pcvp@x.vn"], ["cb.vp@x.vn"]);
    private static readonly Department Section = new("nv1", "Phòng Nghiệp vụ 1", "nghiep-vu", "tp1@x.vn", ["ptp1@x.vn"], ["cb1@x.vn"]);
    private static readonly AgencyDirectory Directory = new("tt", [Office, Section], "cvp@x.vn", "ctt@x.vn");

    [Fact]
    public void A_deputy_keeps_the_capital_of_the_title_after_Pho()
    {
        Assert.Equal("Phó Chánh Văn phòng", Positions.Of(Directory, "pcvp@x.vn"));
        Assert.Equal("Phó Trưởng phòng Nghiệp vụ 1", Positions.Of(Directory, "PTP1@x.vn"));
        Assert.Equal("Phó Trưởng phòng Nghiệp vụ 1", Positions.Deputy(Section));
    }

    [Fact]
    public void Heads_chiefs_and_staff_are_addressed_by_their_titles()
    {
        Assert.Equal("Chánh Văn phòng", Positions.Of(Directory, "cvp@x.vn"));
        Assert.Equal("Trưởng phòng Nghiệp vụ 1", Positions.Of(Directory, "tp1@x.vn"));
        Assert.Equal("Chánh Thanh tra", Positions.Of(Directory, "ctt@x.vn"));
        Assert.Equal("Cán bộ Phòng Nghiệp vụ 1", Positions.Staff(Section));
        Assert.Equal("Cán bộ Văn phòng", Positions.Staff(Office));
        Assert.Equal(string.Empty, Positions.Of(Directory, "cb1@x.vn"));
    }
}
