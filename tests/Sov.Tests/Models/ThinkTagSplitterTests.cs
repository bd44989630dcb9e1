using Sov.Core.Models;

namespace Sov.Tests.Models;

public sealed class ThinkTagSplitterTests
{
    private static (string Reasoning, string Answer) Split(params string[] pieces)
    {
        var splitter = new ThinkTagSplitter();
        var reasoning = "";
        var answer = "";
        var parts = pieces.SelectMany(splitter.Feed).ToList();
        if (splitter.Flush() is { } held)
        {
            parts.Add(held);
        }

        foreach (var (r, t) in parts)
        {
            if (r)
            {
                reasoning += t;
            }
            else
            {
                answer += t;
            }
        }

        return (reasoning, answer);
    }

    [Fact]
    public void ThinkingAtTheStartBecomesReasoningEvenWithTagsSplitAcrossPieces() =>
        Assert.Equal(("let me see", "Hello!"), Split("<th", "ink>let ", "me see</th", "ink>\n\nHello!"));

    [Fact]
    public void PlainAnswersPassThrough() => Assert.Equal(("", "Hello <think> later"), Split("Hel", "lo <think> later"));

    [Fact]
    public void AShortAnswerThatLooksLikeATagStartIsKept() => Assert.Equal(("", "<t"), Split("<t"));

    [Fact]
    public void UnclosedThinkingIsReasoning() => Assert.Equal(("still thinking", ""), Split("<think>still ", "thinking"));
}
