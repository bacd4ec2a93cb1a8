using System.Text.Json.Nodes;
using CchcBot.Cards.Views;
using CchcBot.TestSupport;

namespace CchcBot.Cards.Tests;

/// <summary>The staff and directory cards through the JS SDK, and their part of the card contract.</summary>
public class StaffCardContractTests
{
    private static readonly DepartmentView[] Departments =
    [
        new("VP", "Văn phòng", "van-phong", "chanhvanphong@example.gov.vn", ["phochanhvanphong@example.gov.vn"], ["chuyenvien1.vp@example.gov.vn", "chuyenvien2.vp@example.gov.vn"]),
        new("NV1", "Phòng Nghiệp vụ 1", "nghiep-vu", "truongphong.nv1@example.gov.vn", [], []),
    ];

    private static TaskItemView Assignable(string? part = null) => SampleViews.Item() with
    {
        Assignees = ["chuyenvien1.vp@example.gov.vn"],
        Assign = new AssignView(part, "Văn phòng", ["chuyenvien1.vp@example.gov.vn", "chuyenvien2.vp@example.gov.vn"], ["chuyenvien1.vp@example.gov.vn"]),
    };

    [Fact]
    public void Every_staff_and_directory_card_is_valid() => CardAssert.AllValid(
    [
        DirectoryCard.Build("thanh-tra-soc-trang", Departments),
        DirectoryCard.Build("thanh-tra-soc-trang", Departments, new CardBanner("'x' không phải địa chỉ thư điện tử hợp lệ.", Error: true), new DepartmentDraft("NV1", "truongphong.nv1@example.gov.vn", "", "x")),
        DirectoryCard.NewHead("Trưởng phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 1"),
        TaskCard.Build(Assignable(), [new HistoryItemView(new DateTime(2026, 3, 2, 9, 0, 0), "Nguyễn Văn An", AssignBlock.HistoryKind, StatusView.NotStarted, StatusView.NotStarted, "Giao cho cán bộ: a@example.gov.vn", null)]),
        TaskCard.Build(Assignable("NV1"), []),
        MyTasksCard.Build("Võ Thị Hoa", [SampleViews.Item() with { Assignees = ["chuyenvien1.vp@example.gov.vn"] }], 0, title: StaffStrings.StaffTitle("Võ Thị Hoa")),
        MyTasksCard.Build("Võ Thị Hoa", [], 0, title: StaffStrings.StaffTitle("Võ Thị Hoa"), empty: StaffStrings.StaffNoTasks),
        HelpCard.Build(isChiefOfOffice: false, isStaff: true),
    ]);

    [Fact]
    public void The_assign_form_is_a_multi_select_of_the_staff_with_verb_assign()
    {
        var card = TaskCard.Build(Assignable("NV1"), []).Readably();

        Assert.Contains("\"title\":\"Giao cho cán bộ\"", card, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"assignee:TCC-1-1\"", card, StringComparison.Ordinal);
        Assert.Contains("\"isMultiSelect\":true", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"chuyenvien1.vp@example.gov.vn\"", card, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"assign\",\"data\":{\"taskId\":\"TCC-1\",\"milestoneId\":\"TCC-1-1\",\"part\":\"NV1\"}", card, StringComparison.Ordinal);
        Assert.Contains("Cán bộ thực hiện: chuyenvien1.vp@example.gov.vn", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Giao cho cán bộ", TaskCard.Build(SampleViews.Item(), []).Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_department_has_a_form_with_verb_saveDepartment()
    {
        var card = DirectoryCard.Build("thanh-tra-soc-trang", Departments).Readably();

        foreach (var id in new[] { "head:VP", "deputies:VP", "staff:VP", "head:NV1", "deputies:NV1", "staff:NV1" })
        {
            Assert.Contains($"\"id\":\"{id}\"", card, StringComparison.Ordinal);
        }

        Assert.Contains("\"verb\":\"saveDepartment\",\"data\":{\"departmentId\":\"NV1\"}", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Lưu\"", card, StringComparison.Ordinal);
        Assert.Contains("chuyenvien1.vp@example.gov.vn\\nchuyenvien2.vp@example.gov.vn", card, StringComparison.Ordinal);
    }
}
