using Sov.TestKit.RealServer;

namespace Sov.EndToEnd.RealServer;

/// <summary>
/// What a real llama-server tells sov about its limits (#16): an answer cut by the token limit, the context
/// window in /props, and how many tokens sov's first request costs.
/// </summary>
public sealed class RealServerLimitTests
{
    // #16: an answer cut by the server's token limit was reported as complete, exit 0.
    [Fact]
    public async Task FinishReasonLengthIsReportedAndExecExitsOne()
    {
        await using var h = await RealServerHarness.StartAsync();
        h.Proxy.Enqueue(Steer.Truncated(12));

        var result = await h.ExecAsync("write a long story");

        var chat = Assert.Single(h.Proxy.ChatExchanges);
        Assert.Equal("length", chat.Figures?.FinishReason);
        Assert.True(result.ExitCode == 1, h.Describe(result));
        Assert.True(
            result.Stderr.Contains("length", StringComparison.OrdinalIgnoreCase) || result.Stderr.Contains("truncat", StringComparison.OrdinalIgnoreCase),
            h.Describe(result));
    }

    // #16: the context window is learnt from llama.cpp's /props (n_ctx), and a first request that cannot fit
    // is refused before it is sent. Needs branch h16-model.
    [Fact]
    public async Task TheContextWindowIsReadFromPropsAndAPromptThatCannotFitIsRefused()
    {
        await using var h = await RealServerHarness.StartAsync(contextSize: 512);

        var result = await h.ExecAsync("say hello");

        Assert.Contains(h.Proxy.Exchanges, e => e.Method == "GET" && e.Path.StartsWith("/props", StringComparison.Ordinal) && e.Status == 200);
        Assert.True(h.Proxy.ChatExchanges.Count == 0, h.Describe(result));
        Assert.True(result.ExitCode != 0, h.Describe(result));
        Assert.Contains("512", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFirstRequestForSayHelloIsAtMost1200PromptTokensAsTheServerCountsThem()
    {
        await using var h = await RealServerHarness.StartAsync();
        h.Proxy.Fallback = Steer.EndAtOnce; // the prompt exactly as sov wrote it, nothing prefilled

        var result = await h.ExecAsync("say hello");

        var first = h.Proxy.ChatExchanges.FirstOrDefault();
        Assert.True(first?.Figures is not null, h.Describe(result));
        Assert.True(first.Figures.PromptTokens <= 1200, $"the server counted {first.Figures.PromptTokens} prompt tokens\n{h.Describe(result)}");
    }
}
