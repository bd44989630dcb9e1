using Sov.Core.Models;

namespace Sov.Tests.Models;

public sealed class ToolCallAccumulatorTests
{
    [Fact]
    public void PiecesJoinByIndex()
    {
        var a = new ToolCallAccumulator();
        a.Add(0, "c1", "read_file", "{\"pa");
        a.Add(1, "c2", "grep", "{\"pattern\":\"x\"}");
        a.Add(0, null, null, "th\":\"a\"}");
        var calls = a.Build();
        Assert.Equal(["c1", "c2"], calls.Select(c => c.CallId));
        Assert.Equal("{\"path\":\"a\"}", RawArguments.Get(calls[0]));
    }

    [Fact]
    public void ANewIdAtAUsedIndexIsANewCall()
    {
        // Seen from servers that put every parallel call at index 0.
        var a = new ToolCallAccumulator();
        a.Add(0, "c1", "read_file", "{\"path\":\"a\"}");
        a.Add(0, "c2", "read_file", "{\"path\":");
        a.Add(0, null, null, "\"b\"}");
        var calls = a.Build();
        Assert.Equal(2, calls.Count);
        Assert.Equal("{\"path\":\"b\"}", RawArguments.Get(calls[1]));
    }

    [Fact]
    public void ARepeatedNameIsNotDoubled()
    {
        var a = new ToolCallAccumulator();
        a.Add(0, "c1", "grep", "{");
        a.Add(0, "c1", "grep", "}");
        Assert.Equal("grep", a.Build()[0].Name);
    }

    [Fact]
    public void AMissingIdGetsOne() => Assert.Equal("call_0", AddOne().Build()[0].CallId);

    private static ToolCallAccumulator AddOne()
    {
        var a = new ToolCallAccumulator();
        a.Add(0, null, "grep", "{}");
        return a;
    }
}
