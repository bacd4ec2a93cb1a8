using System.Text;
using CchcBot.Cards.Views;
using CchcBot.TestSupport;

namespace CchcBot.Cards.Tests;

/// <summary>The evidence cards: the picker at its largest, and the task card's files block, valid for the Adaptive Cards SDK and small enough for Teams.</summary>
public sealed class EvidencePickerCardTests
{
    [Fact]
    public void The_picker_with_fifteen_long_milestones_is_valid_and_within_Teams_limit()
    {
        var choices = Enumerable.Range(1, 15).Select(i => new EvidenceChoiceView(
            $"T-{i}", $"T-{i}-1", SampleViews.LongTitle, "Báo cáo kết quả thực hiện (lồng ghép vào báo cáo CCHC) (Quý II/2026)",
            i % 3 == 0 ? null : new DateOnly(2026, 6, 30), (StatusView)(i % 6), Recent: i == 1)).ToList();

        var card = EvidencePickerCard.Build(new string('a', 32), "Báo cáo [số 12] *đã ký*.pdf", 19 * 1024 * 1024, new DateTime(2026, 3, 3, 9, 0, 0), choices);

        CardAssert.Valid(card);
        Assert.True(Encoding.UTF8.GetByteCount(card.Readably()) < 28 * 1024);
        Assert.Contains("19,0 MB", card.Readably(), StringComparison.Ordinal);
        Assert.Contains("09:00 ngày 03/03/2026", card.Readably(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_task_card_lists_files_as_links_with_their_names_escaped()
    {
        var files = new[]
        {
            new EvidenceFileView("Quyết định [01](x).pdf", 2048, "Nguyễn Văn An", new DateTime(2026, 3, 2, 8, 30, 0), "https://bot.example/files/" + new string('b', 48)),
            new EvidenceFileView("anh.png", 10, "Trần Thị Bình", new DateTime(2026, 3, 2, 9, 0, 0), null),
        };

        var card = TaskCard.Build(SampleViews.Item(), [], files: files, linkMinutes: 24 * 60);

        CardAssert.Valid(card);
        var json = card.Readably();
        Assert.Contains("(https://bot.example/files/" + new string('b', 48) + ")", json, StringComparison.Ordinal);
        Assert.DoesNotContain("[Quyết định [01](x).pdf]", json, StringComparison.Ordinal);
        Assert.Contains("trong 24 giờ", json, StringComparison.Ordinal);
    }
}
