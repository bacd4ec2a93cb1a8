using System.Text;
using CchcBot.Teams.Commands;

namespace CchcBot.Bot.Tests.Teams;

public class CommandTextTests
{
    [Theory]
    [InlineData("nhiệm vụ của tôi")]
    [InlineData("Nhiệm vụ của tôi")]
    [InlineData("nhiem vu cua toi")]
    [InlineData("  NHIỆM VỤ   CỦA TÔI ")]
    [InlineData("Nhiệm vụ của tôi?")]
    [InlineData("nhiệm\u00a0vụ\tcủa\ntôi")]
    public void Every_way_of_typing_the_command_folds_alike(string typed) =>
        Assert.Equal("nhiem vu cua toi", CommandText.Fold(typed));

    [Fact]
    public void Decomposed_input_from_macOS_folds_like_composed_input() =>
        Assert.Equal(CommandText.Fold("Đặt kênh tổng hợp"), CommandText.Fold("Đặt kênh tổng hợp".Normalize(NormalizationForm.FormD)));

    [Fact]
    public void D_with_stroke_folds_to_d() => Assert.Equal("dat kenh tong hop", CommandText.Fold("ĐẶT KÊNH TỔNG HỢP"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!…")]
    public void Empty_or_punctuation_only_text_folds_to_nothing(string? typed) => Assert.Equal(string.Empty, CommandText.Fold(typed));
}
