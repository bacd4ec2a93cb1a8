using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Support;

/// <summary>The people of the sample directories (SamplePlans and the bundled sample) as Teams users, one place for all tests.</summary>
public static class SampleUsers
{
    public static TeamsUser ChiefOfOffice() => BotHarness.User("chanhvanphong@example.gov.vn", "Nguyễn Văn An");

    public static TeamsUser ChiefInspector() => BotHarness.User("chanhthanhtra@example.gov.vn", "Lê Văn Cường");

    public static TeamsUser Nv1Head() => BotHarness.User("truongphong.nv1@example.gov.vn", "Trần Thị Bình");

    public static TeamsUser Nv2Head() => BotHarness.User("truongphong.nv2@example.gov.vn", "Phạm Minh Dũng");
}
