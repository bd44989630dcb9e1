using System.Text.Json;
using Microsoft.Extensions.AI;
using Sov.Core.Models;
using Sov.TestKit.Model;

namespace Sov.Tests.Models;

public sealed class OpenAiCompatibleChatClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<AIContent>> CollectAsync(IChatClient client, string prompt = "hi")
    {
        var contents = new List<AIContent>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, prompt)], cancellationToken: Ct))
        {
            contents.AddRange(update.Contents);
        }

        return contents;
    }

    private static string Text(IEnumerable<AIContent> contents) => string.Concat(contents.OfType<TextContent>().Select(t => t.Text));

    [Fact]
    public async Task StreamsTextReasoningAndUsage()
    {
        await using var f = await ModelClientFixture.StartAsync(apiKey: "sekrit");
        f.Server.Enqueue(new ScriptedResponse().AddReasoning("thinking hard").AddText("Hello there", 4).Usage(12, 3));

        var contents = await CollectAsync(f.Client);

        Assert.Equal("Hello there", Text(contents));
        Assert.Equal("thinking hard", string.Concat(contents.OfType<TextReasoningContent>().Select(r => r.Text)));
        var usage = Assert.Single(contents.OfType<UsageContent>());
        Assert.Equal(12, usage.Details.InputTokenCount);
        Assert.Equal(3, usage.Details.OutputTokenCount);
        Assert.Equal("Bearer sekrit", f.Server.ChatRequests[0].Authorization);
    }

    [Fact]
    public async Task OllamaStyleReasoningFieldIsReasoningToo()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(new ScriptedResponse().AddReasoning("hmm", field: "reasoning").AddText("ok"));
        var contents = await CollectAsync(f.Client);
        Assert.Equal("hmm", string.Concat(contents.OfType<TextReasoningContent>().Select(r => r.Text)));
        Assert.Equal("ok", Text(contents));
    }

    [Fact]
    public async Task AssemblesANativeToolCallSplitAcrossChunks()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(new ScriptedResponse().ToolCall("call_7", "read_file", """{"path": "src/a.cs", "offset": 3}""", pieces: 5));

        var call = Assert.Single((await CollectAsync(f.Client)).OfType<FunctionCallContent>());

        Assert.Equal("call_7", call.CallId);
        Assert.Equal("read_file", call.Name);
        Assert.Equal("src/a.cs", ((JsonElement)call.Arguments!["path"]!).GetString());
        Assert.Equal("""{"path": "src/a.cs", "offset": 3}""", RawArguments.Get(call));
    }

    [Fact]
    public async Task MalformedArgumentJsonIsKeptWithItsError()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(new ScriptedResponse().ToolCall("c1", "read_file", """{"path": "a.txt" """));

        var call = Assert.Single((await CollectAsync(f.Client)).OfType<FunctionCallContent>());

        Assert.NotNull(call.Exception);
        Assert.Equal("""{"path": "a.txt" """, RawArguments.Get(call));
    }

    [Fact]
    public async Task HonoursRetryAfterOn429ThenSucceeds()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(ScriptedResponse.Error(429, "slow down", retryAfter: "1"), ScriptedResponse.Text("done"));

        var contents = await CollectAsync(f.Client);

        Assert.Equal("done", Text(contents));
        var notice = Assert.Single(contents.OfType<RetryNotice>());
        Assert.Equal(TimeSpan.FromSeconds(1), notice.Delay);
        Assert.Equal(2, f.Server.ChatRequests.Count);
    }

    [Fact]
    public async Task RetriesA500ThenSucceeds()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(ScriptedResponse.Error(500), ScriptedResponse.Error(503), ScriptedResponse.Text("fine"));
        Assert.Equal("fine", Text(await CollectAsync(f.Client)));
        Assert.Equal(3, f.Server.ChatRequests.Count);
    }

    [Fact]
    public async Task GivesUpAfterBoundedRetriesWithAClearMessage()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Fallback = ScriptedResponse.Error(500, "engine dead");
        var e = await Assert.ThrowsAsync<ModelException>(() => CollectAsync(f.Client));
        Assert.Contains("HTTP 500 engine dead", e.Message, StringComparison.Ordinal);
        Assert.Equal(4, f.Server.ChatRequests.Count); // the first attempt and MaxRetries (3)
    }

    [Fact]
    public async Task AContextLengthErrorIsReportedAsSuch()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(ScriptedResponse.Error(400, "This model's maximum context length is 8192 tokens. However, you requested 9000 tokens"));
        var e = await Assert.ThrowsAsync<ContextLengthException>(() => CollectAsync(f.Client));
        Assert.Contains("context window", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResetMidStreamIsAnInterruption()
    {
        await using var f = await ModelClientFixture.StartAsync();
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Server.Enqueue(ScriptedResponse.Text("partial answer", 1).WithFault(ScriptedFault.ResetMidStream, received.Task));
        await Assert.ThrowsAsync<ModelStreamInterruptedException>(async () =>
        {
            await foreach (var update in f.Client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Ct))
            {
                received.TrySetResult();
            }
        });
    }

    [Fact]
    public async Task TruncatedSseIsAnInterruption()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(ScriptedResponse.Text("partial answer").WithFault(ScriptedFault.TruncatedSse));
        await Assert.ThrowsAsync<ModelStreamInterruptedException>(() => CollectAsync(f.Client));
    }

    [Fact]
    public async Task AnEndlessStreamIsStoppedAtTheCap()
    {
        await using var f = await ModelClientFixture.StartAsync(ModelClientFixture.FastOptions with { MaxResponseChars = 200_000 });
        f.Server.Enqueue(ScriptedResponse.Text("a").WithFault(ScriptedFault.EndlessStream));
        var e = await Assert.ThrowsAsync<ModelException>(() => CollectAsync(f.Client));
        Assert.Contains("kept streaming", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASlowFirstByteBeyondTheTimeoutIsRetried()
    {
        await using var f = await ModelClientFixture.StartAsync(ModelClientFixture.FastOptions with { FirstByteTimeout = TimeSpan.FromMilliseconds(200) });
        f.Server.Enqueue(ScriptedResponse.Text("late").WithFirstByteDelay(TimeSpan.FromSeconds(5)), ScriptedResponse.Text("on time"));

        var contents = await CollectAsync(f.Client);

        Assert.Equal("on time", Text(contents));
        Assert.Contains("no response within", Assert.Single(contents.OfType<RetryNotice>()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableEndpointNamesTheUrl()
    {
        // Port 9 (discard) on loopback: nothing listens in the test environment, so the connection is refused.
        using var http = Sov.Borders.Network.HttpClients.Create([new Uri("http://127.0.0.1:9")]);
        using var client = new OpenAiCompatibleChatClient(http, new ModelEndpoint(new Uri("http://127.0.0.1:9/v1"), "m"), ModelClientFixture.FastOptions);
        var e = await Assert.ThrowsAsync<ModelUnreachableException>(() => CollectAsync(client));
        Assert.Contains("http://127.0.0.1:9/v1", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, e.ExitCode);
        Assert.Contains("ollama serve", e.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANonStreamedJsonAnswerIsAcceptedToo()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(ScriptedResponse.NonStreaming("plain answer"), ScriptedResponse.NonStreaming(null, "read_file", """{"path":"a"}"""));

        Assert.Equal("plain answer", Text(await CollectAsync(f.Client)));
        var call = Assert.Single((await CollectAsync(f.Client)).OfType<FunctionCallContent>());
        Assert.Equal("read_file", call.Name);
        Assert.Equal("""{"path":"a"}""", RawArguments.Get(call));
    }
}
