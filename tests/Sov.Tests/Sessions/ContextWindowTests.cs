using Microsoft.Extensions.AI;
using Sov.Core.Sessions;

namespace Sov.Tests.Sessions;

/// <summary>The context window by model family, and the estimate used when a server reports no token usage.</summary>
public sealed class ContextWindowTests
{
    [Theory]
    [InlineData("qwen3-coder-30b-a3b", null, 262_144)]
    [InlineData("Qwen/Qwen3-Coder-480B", null, 262_144)]
    [InlineData("some-unknown-model", null, ContextWindow.Unknown)]
    [InlineData("qwen3-coder", 4096, 4096)]
    public void WindowComesFromConfigElseTheFamily(string model, int? configured, int expected) =>
        Assert.Equal(expected, ContextWindow.For(model, configured));

    [Fact]
    public void TheEstimateOverCountsEnglishAndCountsCjkAboutOnePerCharacter()
    {
        var english = string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. ", 100)); // ~1,000 real tokens
        var estimate = ContextWindow.Estimate([new ChatMessage(ChatRole.User, english)], null);
        Assert.InRange(estimate, 1_400, 1_600);
        var cjk = new string('漢', 1000);
        Assert.InRange(ContextWindow.Estimate([new ChatMessage(ChatRole.User, cjk)], null), 1_000, 1_010);
    }

    [Fact]
    public void TheEstimateCountsInstructionsToolCallsAndResults()
    {
        var history = new List<ChatMessage>
        {
            new(ChatRole.User, "read it"),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "read_file", new Dictionary<string, object?> { ["path"] = "src/app.cs" })]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", new string('x', 3000))]),
        };
        var withoutInstructions = ContextWindow.Estimate(history, null);
        Assert.True(withoutInstructions > 1000);
        Assert.Equal(withoutInstructions + 100, ContextWindow.Estimate(history, new string('i', 300)));
    }

    [Fact]
    public void CompactionStartsAtEightyPercent()
    {
        Assert.False(ContextWindow.ShouldCompact(799, 1000));
        Assert.True(ContextWindow.ShouldCompact(800, 1000));
        Assert.False(ContextWindow.ShouldCompact(null, 1000));
    }
}
