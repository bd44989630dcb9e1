using Sov.TestKit.RealServer;

namespace Sov.EndToEnd.RealServer;

/// <summary>
/// What a real llama-server tells sov about its limits (#16): an answer cut by the token limit, the context
/// window in /props, and how many tokens sov's first request costs.
/// </summary>
public sealed class RealServerLimitTests
{
    // #16: an answer cut by the server's token limit was reported as complete, exit 0. Cut gibberish sometimes makes
    // llama-server's own output parser fail instead ("does not match the expected peg-native format", sent as an error
    // event mid-answer); such a run checks the other half of #16 (the text already received is kept and shown, exit 1)
    // and the task is run again, until the server has cut one answer by its limit.
    [Fact]
    public async Task FinishReasonLengthIsReportedAndExecExitsOne()
    {
        await using var h = await RealServerHarness.StartAsync();
        for (var attempt = 1; ; attempt++)
        {
            h.Proxy.Enqueue(Steer.Truncated(12));
            var result = await h.ExecAsync("write a long story");
            var chat = h.Proxy.ChatExchanges.Last();
            Assert.True(result.ExitCode == 1, h.Describe(result));
            if (chat.Figures?.FinishReason == "length")
            {
                Assert.True(
                    result.Stderr.Contains("length", StringComparison.OrdinalIgnoreCase) || result.Stderr.Contains("truncat", StringComparison.OrdinalIgnoreCase),
                    h.Describe(result));
                return;
            }

            Assert.Contains("\"error\"", chat.ResponseBody, StringComparison.Ordinal);
            Assert.Contains("mid-answer", result.Stderr, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(result.Stdout), h.Describe(result)); // the text received before the error
            Assert.True(attempt < 8, $"no answer was cut by the limit in {attempt} runs\n{h.Describe(result)}");
        }
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
