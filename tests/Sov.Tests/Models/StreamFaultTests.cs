using System.Text.Json;
using Microsoft.Extensions.AI;
using Sov.Core.Models;
using Sov.TestKit.Model;

namespace Sov.Tests.Models;

/// <summary>The model client against each transport fault of the scripted server (issue #13, items 4 and 8).</summary>
public sealed class StreamFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ModelClientOptions Short = ModelClientFixture.FastOptions with { IdleTimeout = TimeSpan.FromMilliseconds(500) };

    private static async Task<List<AIContent>> CollectAsync(IChatClient client, List<AIContent>? into = null)
    {
        var contents = into ?? [];
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Ct))
        {
            contents.AddRange(update.Contents);
        }

        return contents;
    }

    private static string Text(IEnumerable<AIContent> contents) => string.Concat(contents.OfType<TextContent>().Select(t => t.Text));

    [Theory]
    [InlineData(ScriptedFault.EmptyDeltasForever)]
    [InlineData(ScriptedFault.KeepAliveForever)]
    [InlineData(ScriptedFault.SilentForever)]
    public async Task AStreamWithoutProgressStopsAtTheIdleTimeoutNamingIt(ScriptedFault fault)
    {
        // #13.4: empty deltas or keep-alives every 100 ms used to keep the stream alive forever.
        await using var f = await ModelClientFixture.StartAsync(Short);
        f.Server.Enqueue(ScriptedResponse.Text("partial").WithFault(fault));

        var e = await Assert.ThrowsAsync<ModelStalledException>(() => CollectAsync(f.Client));

        Assert.Contains("0.5 s", e.Message, StringComparison.Ordinal); // #13.8: the duration as configured
        Assert.Contains("idle_timeout_seconds", e.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErrorBodyThatStallsHalfwayIsNotWaitedForForever()
    {
        await using var f = await ModelClientFixture.StartAsync(Short);
        f.Server.Fallback = ScriptedResponse.Error(400, "a message that never ends").WithFault(ScriptedFault.SilentForever);
        var e = await Assert.ThrowsAsync<ModelException>(() => CollectAsync(f.Client));
        Assert.Contains("HTTP 400", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATrickleThatNeverEndsStopsAtTheAnswerDeadline()
    {
        // #13.4: a few characters every 0.2 s would take 18 hours to reach the runaway cap.
        await using var f = await ModelClientFixture.StartAsync(Short with { AnswerTimeout = TimeSpan.FromSeconds(1.5) });
        f.Server.Enqueue(ScriptedResponse.Text("a").WithFault(ScriptedFault.TrickleForever));
        var contents = new List<AIContent>();

        var e = await Assert.ThrowsAsync<AnswerTimeoutException>(() => CollectAsync(f.Client, contents));

        Assert.Contains("1.5 s", e.Message, StringComparison.Ordinal);
        Assert.Contains("answer_timeout_seconds", e.Remedy, StringComparison.Ordinal);
        Assert.StartsWith("atick", Text(contents), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAnswerDeadlineCoversSlowHeadersToo()
    {
        await using var f = await ModelClientFixture.StartAsync(Short with { AnswerTimeout = TimeSpan.FromMilliseconds(500) });
        f.Server.Enqueue(ScriptedResponse.Text("late").WithFirstByteDelay(TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<AnswerTimeoutException>(() => CollectAsync(f.Client));
    }

    [Fact]
    public async Task AHugeLineFailsClearlyWithoutBufferingIt()
    {
        // #13.8: a 50 MB SSE line cost 717 MB. Now reading stops at the line cap.
        await using var f = await ModelClientFixture.StartAsync(ModelClientFixture.FastOptions with { MaxEventBytes = 1024 * 1024 });
        f.Server.Enqueue(ScriptedResponse.Text("a").WithHugeLine(50L * 1024 * 1024));
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var e = await Assert.ThrowsAsync<StreamEventTooLargeException>(() => CollectAsync(f.Client));

        Assert.Contains("1 MiB", e.Message, StringComparison.Ordinal);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 64L * 1024 * 1024, "reading stopped near the cap");
    }

    [Fact]
    public async Task AnSseBodyLabelledJsonIsReadAsAStream()
    {
        // #13.8: the label said application/json; the body is a stream, and the body decides.
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(ScriptedResponse.Text("streamed anyway").LabelledAs("application/json"));
        Assert.Equal("streamed anyway", Text(await CollectAsync(f.Client)));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task OtherLineEndingsOfTheFormatAreRead(string ending)
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(ScriptedResponse.Text("all the way", 4).WithLineEnding(ending));
        Assert.Equal("all the way", Text(await CollectAsync(f.Client)));
    }

    [Theory]
    [InlineData(500, "input length exceeds the context length")] // Ollama (#13.8: was retried, then reported generically)
    [InlineData(500, "the input length exceeds the context length (8192 tokens)")]
    [InlineData(400, "the request exceeds the available context size, try increasing it")] // llama.cpp
    [InlineData(400, "The decoder prompt (length 9000) is longer than the maximum model length of 8192.")] // vLLM
    [InlineData(400, "This model's maximum context length is 8192 tokens. However, you requested 9000 tokens")]
    public async Task EveryEnginesContextLengthErrorIsReportedAsSuchAndNotRetried(int status, string message)
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Fallback = ScriptedResponse.Error(status, message);

        var e = await Assert.ThrowsAsync<ContextLengthException>(() => CollectAsync(f.Client));

        Assert.Contains("context window", e.Message, StringComparison.Ordinal);
        Assert.Single(f.Server.ChatRequests);
    }

    [Fact]
    public async Task AnErrorEventMidStreamKeepsTheTextBeforeIt()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(ScriptedResponse.Text("half of it", 2).AddErrorEvent("CUDA out of memory"));
        var contents = new List<AIContent>();

        var e = await Assert.ThrowsAsync<ModelException>(() => CollectAsync(f.Client, contents));

        Assert.Contains("CUDA out of memory", e.Message, StringComparison.Ordinal);
        Assert.Equal("half of it", Text(contents));
    }

    [Fact]
    public async Task ToolArgumentsOverAMillionCharactersAreNotARunawayAnswer()
    {
        // #13.8: a file over ~1M characters could not be written: arguments counted toward the text cap.
        var content = new string('x', 1_200_000);
        var arguments = JsonSerializer.Serialize(new { path = "big.txt", content });
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(new ScriptedResponse().ToolCall("c1", "write_file", arguments, pieces: 300));

        var call = Assert.Single((await CollectAsync(f.Client)).OfType<FunctionCallContent>());

        Assert.Equal(arguments, RawArguments.Get(call));
    }

    [Fact]
    public async Task ToolArgumentsHaveTheirOwnBound()
    {
        await using var f = await ModelClientFixture.StartAsync(ModelClientFixture.FastOptions with { MaxToolArgumentChars = 10_000 });
        f.Server.Enqueue(new ScriptedResponse().ToolCall("c1", "write_file", new string('x', 20_000), pieces: 10));
        var e = await Assert.ThrowsAsync<ModelException>(() => CollectAsync(f.Client));
        Assert.Contains("smaller pieces", e.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveHundredToolCallsInOneAnswerAllArrive()
    {
        var response = new ScriptedResponse();
        for (var i = 0; i < 500; i++)
        {
            response.ToolCall($"c{i}", "read_file", $$"""{"path":"f{{i}}.txt"}""", pieces: 2, index: i);
        }

        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(response);
        Assert.Equal(500, (await CollectAsync(f.Client)).OfType<FunctionCallContent>().Count());
    }

    [Fact]
    public async Task AMalformedChunkIsAnInterruption()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(ScriptedResponse.Text("ok").AddRaw("{\"choices\":[{\"delta\":"));
        var e = await Assert.ThrowsAsync<ModelStreamInterruptedException>(() => CollectAsync(f.Client));
        Assert.Contains("malformed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStreamEndingWithoutFinishOrDoneIsAnInterruption()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(ScriptedResponse.Text("ok").WithFault(ScriptedFault.EndWithoutDone));
        await Assert.ThrowsAsync<ModelStreamInterruptedException>(() => CollectAsync(f.Client));
    }

    [Fact]
    public async Task AConnectionResetBeforeHeadersIsRetriedThenReportedInPlainWords()
    {
        // #13.8: the message used to be the framework's (a resource key in the published binary).
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Fallback = new ScriptedResponse().WithFault(ScriptedFault.ResetBeforeHeaders);

        var e = await Assert.ThrowsAsync<ModelException>(() => CollectAsync(f.Client));

        Assert.Equal(4, f.Server.ChatRequests.Count);
        Assert.DoesNotContain("net_http", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("error occurred", e.Message, StringComparison.Ordinal);
        Assert.Contains("kept failing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyChoicesThenDoneYieldNothingButFinish()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(new ScriptedResponse().AddEmptyChoices(4).WithFinishReason(null));
        var contents = await CollectAsync(f.Client);
        Assert.Empty(contents.OfType<TextContent>());
        Assert.Empty(contents.OfType<FunctionCallContent>());
    }
}
