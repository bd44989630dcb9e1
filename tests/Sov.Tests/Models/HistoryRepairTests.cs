using System.Text.Json;
using Microsoft.Extensions.AI;
using Sov.Core.Agent.Events;
using Sov.Core.Models;
using Sov.TestKit.Model;
using Sov.Tests.Agent;

namespace Sov.Tests.Models;

/// <summary>
/// #16: the history stays valid for strict servers (llama-server answered HTTP 500 "Failed to parse tool call
/// arguments as JSON" to every request after an unclosed call), and a request refused for its content is never
/// sent again unchanged: reshaped once, else failed with a clear message.
/// </summary>
public sealed class HistoryRepairTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Unclosed = """{"command": "python3 -m unittest" """;

    [Fact]
    public void AnUnclosedCallGoesBackAsValidJsonKeepingItsText()
    {
        var call = RawArguments.CreateCall("c1", "shell", Unclosed);
        var body = ChatRequestWriter.Write("m", [new ChatMessage(ChatRole.User, "go"), new ChatMessage(ChatRole.Assistant, [call])], null);

        var sent = Arguments(body).Single();
        using var args = JsonDocument.Parse(sent);
        Assert.Equal(Unclosed, args.RootElement.GetProperty(ToolCallArguments.UnparsedKey).GetString());
    }

    [Fact]
    public void ValidArgumentsGoBackByteForByte()
    {
        var call = RawArguments.CreateCall("c1", "shell", """{ "command" : "ls" }""");
        var body = ChatRequestWriter.Write("m", [new ChatMessage(ChatRole.Assistant, [call])], null);
        Assert.Equal("""{ "command" : "ls" }""", Arguments(body).Single());
    }

    [Theory]
    [InlineData("""{"a":1}""", true)]
    [InlineData("""{"a":1} x""", false)]
    [InlineData("""{"a":1,}""", false)]
    [InlineData("""[1]""", false)]
    [InlineData(""" "text" """, false)]
    [InlineData("""{"a":1""", false)]
    public void OnlyOneStrictJsonObjectCounts(string text, bool valid) => Assert.Equal(valid, ToolCallArguments.IsJsonObject(text));

    [Fact]
    public async Task AnUnclosedCallIsAnsweredAndTheNextRequestCarriesValidJson()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Model.Server.Enqueue(new ScriptedResponse().ToolCall("c1", "read_file", """{"path": "a.txt" """), ScriptedResponse.Text("ok"));

        var events = await h.RunAsync("go");

        Assert.Equal(TurnOutcome.Completed, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        var second = h.Model.Server.ChatRequests[1].Body;
        Assert.All(Arguments(System.Text.Encoding.UTF8.GetBytes(second)), a => Assert.True(ToolCallArguments.IsJsonObject(a), a));
    }

    [Fact]
    public async Task AStrictServerTakesTheTurnAfterAnUnclosedCall()
    {
        // #16, as seen with llama-server: the unclosed call was answered, then every later request got HTTP 500.
        await using var h = await AgentHarness.StartAsync();
        h.Model.Server.StrictToolArguments = true;
        h.WriteFile("a.txt", "alpha");
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("c1", "read_file", """{"path": "a.txt" """),
            new ScriptedResponse().ToolCall("c2", "read_file", """{"path": "a.txt"}"""),
            ScriptedResponse.Text("It says alpha."),
            ScriptedResponse.Text("Still here."));

        var first = await h.RunAsync("read a.txt");
        var second = await h.RunAsync("and now?");

        Assert.Equal("It says alpha.", Assert.IsType<TurnCompleted>(first[^1]).FinalText);
        Assert.Equal("Still here.", Assert.IsType<TurnCompleted>(second[^1]).FinalText);
        Assert.DoesNotContain(first.Concat(second), e => e is Warning w && w.Message.Contains("HTTP 500", StringComparison.Ordinal));
        Assert.Equal(4, h.Model.Server.ChatRequests.Count);
    }

    [Fact]
    public async Task AHistoryRefusalIsReshapedOnceAndTheShapeStays()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(
            ScriptedResponse.Error(500, "Failed to parse tool call arguments as JSON: [json.exception.parse_error.101] parse error"),
            ScriptedResponse.Text("fine"));
        var history = History("""{ "path" : "a.txt" }""");

        var contents = await CollectAsync(f.Client, history);

        Assert.Equal("fine", string.Concat(contents.OfType<TextContent>().Select(t => t.Text)));
        Assert.Contains(contents, c => c is RetryNotice n && n.Message.Contains("rewritten", StringComparison.Ordinal));
        Assert.Equal(2, f.Server.ChatRequests.Count);
        Assert.NotEqual(f.Server.ChatRequests[0].Body, f.Server.ChatRequests[1].Body);
        Assert.Equal("""{"path":"a.txt"}""", Arguments(System.Text.Encoding.UTF8.GetBytes(f.Server.ChatRequests[1].Body)).Single());
        Assert.True(f.Client.Shape.StrictHistory);
    }

    [Fact]
    public async Task ARefusalThatReshapingDoesNotCureFailsWithoutRetryingUnchanged()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Fallback = ScriptedResponse.Error(500, "Failed to parse tool call arguments as JSON");

        var e = await Assert.ThrowsAsync<ModelException>(() => CollectAsync(f.Client, History("""{ "path" : "a.txt" }""")));

        Assert.Contains("refuses this conversation's history", e.Message, StringComparison.Ordinal);
        Assert.Contains("new session", e.Remedy, StringComparison.Ordinal);
        Assert.Equal(2, f.Server.ChatRequests.Count); // once as it was, once reshaped: never the same body twice
        Assert.Equal(f.Server.ChatRequests.Count, f.Server.ChatRequests.Select(r => r.Body).Distinct().Count());
    }

    [Fact]
    public async Task ARefusalWhenReshapingChangesNothingFailsAtOnce()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Fallback = ScriptedResponse.Error(400, "Failed to parse tool call arguments as JSON");

        await Assert.ThrowsAsync<ModelException>(() => CollectAsync(f.Client, [new ChatMessage(ChatRole.User, "hi")]));

        Assert.Single(f.Server.ChatRequests);
    }

    [Fact]
    public async Task AGrammarRefusalResendsPlainSchemas()
    {
        // #16 (Qwen Code #10065): LM Studio "failed to parse grammar" on complex tool schemas.
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Enqueue(ScriptedResponse.Error(400, "Error rendering prompt: failed to parse grammar"), ScriptedResponse.Text("done"));
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"mode":{"type":"string","enum":["a","b"]}},"required":["mode"]}""").RootElement.Clone();
        var options = new ChatOptions { Tools = [new ToolDeclaration("pick", "Pick a mode.", schema)] };

        var contents = new List<AIContent>();
        await foreach (var u in f.Client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "go")], options, Ct))
        {
            contents.AddRange(u.Contents);
        }

        Assert.Equal("done", string.Concat(contents.OfType<TextContent>().Select(t => t.Text)));
        Assert.Contains("\"enum\"", f.Server.ChatRequests[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"enum\"", f.Server.ChatRequests[1].Body, StringComparison.Ordinal);
        Assert.True(f.Client.Shape.PlainSchemas);
    }

    [Theory]
    [InlineData(500, "tools param requires --jinja flag", "--jinja")]
    [InlineData(400, "\"auto\" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set", "--tool-call-parser")]
    [InlineData(400, "registry.ollama.ai/library/gemma:2b does not support tools", "supports tools")]
    public async Task AServerThatTakesNoToolsIsToldOnceWithWhatToStartItWith(int status, string message, string remedy)
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Fallback = ScriptedResponse.Error(status, message);

        var e = await Assert.ThrowsAsync<ModelException>(() => CollectAsync(f.Client, [new ChatMessage(ChatRole.User, "hi")]));

        Assert.Contains(remedy, e.Remedy, StringComparison.Ordinal);
        Assert.Equal(Sov.Core.ExitCodes.Environment, e.ExitCode);
        Assert.Single(f.Server.ChatRequests);
    }

    private static List<ChatMessage> History(string arguments) =>
    [
        new(ChatRole.User, "go"),
        new(ChatRole.Assistant, [RawArguments.CreateCall("c1", "read_file", arguments)]),
        new(ChatRole.Tool, [new FunctionResultContent("c1", "text")]),
    ];

    private static async Task<List<AIContent>> CollectAsync(IChatClient client, IList<ChatMessage> history)
    {
        var contents = new List<AIContent>();
        await foreach (var u in client.GetStreamingResponseAsync(history, cancellationToken: Ct))
        {
            contents.AddRange(u.Contents);
        }

        return contents;
    }

    private static List<string> Arguments(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        return [.. doc.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.TryGetProperty("tool_calls", out _))
            .SelectMany(m => m.GetProperty("tool_calls").EnumerateArray())
            .Select(c => c.GetProperty("function").GetProperty("arguments").GetString()!)];
    }
}
