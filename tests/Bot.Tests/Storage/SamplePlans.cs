using CchcBot.Plan;

namespace CchcBot.Bot.Tests.Storage;

/// <summary>Small hand-made plans and directories for storage and bot tests.</summary>
public static class SamplePlans
{
    public const string Agency = "thanh-tra-test";

    public static AgencyDirectory Directory(string agency = Agency) => new(
        agency,
        [
            new Department("VP", "Văn phòng", "van-phong", "chanhvanphong@example.gov.vn", ["phovanphong@example.gov.vn"]),
            new Department("NV1", "Phòng Nghiệp vụ 1", "nghiep-vu", "truongphong.nv1@example.gov.vn", []),
            new Department("NV2", "Phòng Nghiệp vụ 2", "nghiep-vu", "truongphong.nv2@example.gov.vn", []),
        ],
        "chanhvanphong@example.gov.vn",
        "chanhthanhtra@example.gov.vn");

    public static CchcPlan Plan(string agency = Agency, int year = 2026) => new(
        agency,
        year,
        $"Kế hoạch thực hiện cải cách hành chính năm {year}",
        [new ReformArea("the-che", "Cải cách thể chế"), new ReformArea("tthc", "Cải cách thủ tục hành chính")],
        [
            Task("TC-1", "the-che", "Xây dựng và triển khai kế hoạch rà soát văn bản quy phạm pháp luật", ["VP"], ["nghiep-vu"], new DateOnly(year, 1, 31), new DateOnly(year, 12, 31), 0),
            Task("TC-3", "the-che", "Xây dựng và ban hành văn bản quy phạm pháp luật lĩnh vực thanh tra (nếu có)", ["nghiep-vu"], ["VP"], new DateOnly(year, 6, 30), null, 1),
            new PlanTask("TTHC-2", "tthc", "Công bố TTHC mới ban hành", ["Quyết định của Chủ tịch UBND tỉnh"], ["VP"], ["nghiep-vu"], "Thường xuyên",
                [new Milestone("TTHC-2-1", "TTHC-2", "Quyết định của Chủ tịch UBND tỉnh", null)], 2),
        ]);

    private static PlanTask Task(string id, string area, string title, string[] lead, string[] coop, DateOnly first, DateOnly? second, int order)
    {
        var milestones = new List<Milestone> { new($"{id}-1", id, "Kế hoạch", first) };
        if (second is { } s)
        {
            milestones.Add(new Milestone($"{id}-2", id, "Báo cáo kết quả thực hiện", s));
        }

        return new PlanTask(id, area, title, milestones.Select(m => m.Deliverable).ToList(), lead, coop, "Năm", milestones, order);
    }
}
