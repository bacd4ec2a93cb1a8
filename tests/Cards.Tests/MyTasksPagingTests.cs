using System.Collections;
using CchcBot.Cards;
using CchcBot.Cards.Views;
using CchcBot.TestSupport;

namespace CchcBot.Cards.Tests;

/// <summary>
/// "Nhiệm vụ của tôi" shows one page of the led milestones: it reads the views of that page only from each task's
/// other milestones (ChatCards builds them as they are read), and counts the rest for the paging.
/// </summary>
public sealed class MyTasksPagingTests
{
    [Theory]
    [InlineData(0, 0, 7, "Trang 1/3")]
    [InlineData(1, 7, 8, "Trang 2/3")]
    [InlineData(2, 15, 4, "Trang 3/3")]
    public void Only_the_shown_pages_other_milestones_are_read(int page, int first, int count, string label)
    {
        // One task of 20 milestones: 8 on each of the first two pages (the task's own item and 7, then 8 more), 4 on the last.
        var others = new CountingList(Enumerable.Range(1, 19).Select(i => MyTasksCard.AsOtherMilestone(SampleViews.Item(100 + i))).ToList());
        var task = SampleViews.Item(1) with { Others = others };

        var card = MyTasksCard.Build("Văn phòng", [task, SampleViews.Item(2, role: RoleView.Cooperating)], page);

        Assert.Equal(Enumerable.Range(first, count), others.Read.Order());
        var json = card.Readably();
        Assert.Contains(label, json, StringComparison.Ordinal);
        Assert.Equal(count + (page == 0 ? 1 : 0), json.Split("\"verb\":\"updateStatus\"").Length - 1);
        CardAssert.Valid(card);
    }

    private sealed class CountingList(IReadOnlyList<TaskItemView> items) : IReadOnlyList<TaskItemView>
    {
        public HashSet<int> Read { get; } = [];

        public int Count => items.Count;

        public TaskItemView this[int index]
        {
            get
            {
                Read.Add(index);
                return items[index];
            }
        }

        public IEnumerator<TaskItemView> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
