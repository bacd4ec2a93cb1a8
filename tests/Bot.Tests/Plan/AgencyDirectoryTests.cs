using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Plan;

/// <summary>What a plan's unit (a department id or a group id) names in the sample directory: VP in the Office's
/// group, NV1–NV3 and PCTN in "nghiep-vu".</summary>
public class AgencyDirectoryTests
{
    private static readonly AgencyDirectory Directory = DirectoryFileReader.Read(BundledData.DirectoryJson).Value!;

    [Theory]
    [InlineData("NV1", "NV1", true)]
    [InlineData("nv1", "NV1", true)]
    [InlineData("NV1", "nv1", true)]
    [InlineData("NV1", "NV2", false)]
    [InlineData("nghiep-vu", "PCTN", true)]
    [InlineData("Nghiep-Vu", "nv3", true)]
    [InlineData("nghiep-vu", "VP", false)]
    [InlineData("van-phong", "VP", true)]
    [InlineData("khong-co", "VP", false)]
    [InlineData("", "VP", false)]
    public void A_unit_covers_the_departments_it_expands_to(string unit, string department, bool covers)
    {
        Assert.Equal(covers, Directory.Covers(unit, department));
        Assert.Equal(covers, Directory.Expand(unit).Contains(department, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_task_board_lists_each_department_of_its_units_once_in_their_order()
    {
        Assert.Equal(["PCTN", "NV1", "NV2", "NV3"], TaskBoard.Departments(Directory, ["pctn", "nghiep-vu", "NV2"]));
        Assert.True(TaskBoard.Involves(Directory, ["VP", "nghiep-vu"], "nv2"));
        Assert.False(TaskBoard.Involves(Directory, ["nghiep-vu"], "VP"));
        Assert.False(TaskBoard.Involves(Directory, [], "VP"));
    }
}
