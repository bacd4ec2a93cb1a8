using System.Diagnostics;
using System.Text.Json.Nodes;
using CchcBot.Cards;
using CchcBot.TestSupport;

namespace CchcBot.Cards.Tests;

/// <summary>Alone, not beside other classes: one test here kills the shared validator.</summary>
[CollectionDefinition(nameof(CardValidatorTests), DisableParallelization = true)]
public sealed class SharedValidatorGroup;

/// <summary>The shared SDK validator: one node process for the run, safe from many threads, same answers as before.</summary>
[Collection(nameof(CardValidatorTests))]
public class CardValidatorTests
{
    private static JsonObject Broken(string id)
    {
        var card = WelcomeCard.Build();
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Input.Text", ["id"] = id });
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Input.Text", ["id"] = id });
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "dòng 1\ndòng 2\u2028 \"ngoặc\"", ["txt"] = "typo" });
        return card;
    }

    [Fact]
    public void One_validator_process_answers_every_validation()
    {
        CardValidator.Validate(WelcomeCard.Build());
        var first = CardValidator.SdkProcessId;

        for (var i = 0; i < 5; i++)
        {
            Assert.Empty(CardValidator.Validate(WelcomeCard.Build()));
        }

        Assert.NotEqual(0, first);
        Assert.Equal(first, CardValidator.SdkProcessId);
        using var node = Process.GetProcessById(first);
        Assert.False(node.HasExited);
    }

    [Fact]
    public void Validations_from_many_threads_each_get_their_own_answer()
    {
        var results = new IReadOnlyList<string>[40];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = CardValidator.Validate(i % 2 == 0 ? WelcomeCard.Build() : Broken($"input{i}")));

        for (var i = 0; i < results.Length; i++)
        {
            if (i % 2 == 0)
            {
                Assert.Empty(results[i]);
            }
            else
            {
                Assert.Contains(results[i], p => p.Contains("Duplicate Id", StringComparison.Ordinal) && p.Contains($"input{i}", StringComparison.Ordinal));
                Assert.Contains(results[i], p => p.Contains("\"txt\"", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void A_batch_gets_one_answer_per_card_in_order()
    {
        var results = CardValidator.ValidateMany([WelcomeCard.Build(), Broken("a"), WelcomeCard.Build(), Broken("b")]);

        Assert.Equal(4, results.Count);
        Assert.Empty(results[0]);
        Assert.Contains(results[1], p => p.Contains("\"a\"", StringComparison.Ordinal));
        Assert.Empty(results[2]);
        Assert.Contains(results[3], p => p.Contains("\"b\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_validator_that_died_is_replaced_on_the_next_validation()
    {
        CardValidator.Validate(WelcomeCard.Build());
        using (var node = Process.GetProcessById(CardValidator.SdkProcessId))
        {
            node.Kill();
            node.WaitForExit();
        }

        Assert.Empty(CardValidator.Validate(WelcomeCard.Build()));
        Assert.NotEmpty(CardValidator.Validate(Broken("x")));
    }
}
