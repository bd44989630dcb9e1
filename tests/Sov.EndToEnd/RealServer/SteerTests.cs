using System.Text.Json;
using Sov.TestKit.RealServer;

namespace Sov.EndToEnd.RealServer;

/// <summary>The steering proxy's request rewriting and figure reading (#16), without a server.</summary>
public sealed class SteerTests
{
    private const string Request = """{"model":"m","messages":[{"role":"user","content":"hi"}],"stream":true}""";

    [Fact]
    public void AToolCallIsPrefilledAsTheTemplateRendersItAndTheTurnEndsRightAfter()
    {
        var forwarded = JsonDocument.Parse(Steer.ToolCall("edit_file", """{"path":"a.txt","n":[1,2],"o":{"k":true}}""").Apply(Request)).RootElement;

        var last = forwarded.GetProperty("messages").EnumerateArray().Last();
        Assert.Equal("assistant", last.GetProperty("role").GetString());
        Assert.Equal(
            "<tool_call>\n{\"name\": \"edit_file\", \"arguments\": {\"path\": \"a.txt\", \"n\": [1, 2], \"o\": {\"k\": true}}}\n</tool_call>",
            last.GetProperty("content").GetString());
        Assert.Equal($"[[{Steer.EndOfTurnToken},1000]]", forwarded.GetProperty("logit_bias").GetRawText());
        Assert.True(forwarded.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public void UntouchedLeavesTheBytesAsTheyWere() => Assert.Equal(Request, Steer.Untouched.Apply(Request));

    [Fact]
    public void TruncatedBansTheEndTokensAndSetsTheLimit()
    {
        var forwarded = JsonDocument.Parse(Steer.Truncated(7).Apply(Request)).RootElement;

        Assert.Equal(7, forwarded.GetProperty("max_tokens").GetInt32());
        Assert.Contains($"[{Steer.EndOfTurnToken},false]", forwarded.GetProperty("logit_bias").GetRawText(), StringComparison.Ordinal);
        Assert.Single(forwarded.GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public void TheServerFiguresComeFromTheLastChunk()
    {
        const string sse = "data: {\"choices\":[{\"delta\":{\"content\":\"x\"},\"finish_reason\":null}]}\n\n" +
            "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}],\"timings\":{\"cache_n\":900,\"prompt_n\":100}}\n\n" +
            "data: [DONE]\n\n";

        var figures = ServerFigures.Parse(sse);

        Assert.Equal(new ServerFigures(1000, 100, 900, "length"), figures);
        Assert.Equal(0.9, figures!.CacheShare, 3);
    }
}
