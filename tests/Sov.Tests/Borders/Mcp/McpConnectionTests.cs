using System.Text;
using System.Text.Json;
using Sov.Borders.Mcp;
using Sov.Borders.Mcp.Wire;
using Sov.Core.Config;
using Sov.Core.Tools;
using Sov.Core.Tools.Mcp;

namespace Sov.Tests.Borders.Mcp;

/// <summary>
/// The MCP conversation of Sovereign's own client (#14: it replaced the SDK): initialize, tools/list pages,
/// tools/call results put into text as before, and a server's errors as one-line tool errors.
/// </summary>
public sealed class McpConnectionTests
{
    /// <summary>Answers each request with the result (or error) the script gives for its method and params.</summary>
    private sealed class Scripted(Func<string, JsonElement, string> answer) : IMcpChannel
    {
        public List<string> Sent { get; } = [];

        public CancellationToken Closed => CancellationToken.None;

        public string? Problem => null;

        public Task<JsonRpcMessage> RequestAsync(long id, string method, byte[] message, CancellationToken cancellationToken)
        {
            Sent.Add(Encoding.UTF8.GetString(message));
            using var request = JsonDocument.Parse(message);
            var body = answer(method, request.RootElement.GetProperty("params"));
            return Task.FromResult(JsonRpcFraming.Parse(Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{id},{body}}}"))!);
        }

        public Task NotifyAsync(byte[] message, CancellationToken cancellationToken)
        {
            Sent.Add(Encoding.UTF8.GetString(message));
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static McpConnection Connect(Scripted channel) => new(new McpServerSettings("fx"), channel, [], null);

    [Fact]
    public async Task InitializeAsksForItsVersionAndSaysItIsReady()
    {
        var channel = new Scripted((_, p) => $"\"result\":{{\"protocolVersion\":\"{p.GetProperty("protocolVersion").GetString()}\",\"capabilities\":{{}}}}");
        await Connect(channel).InitializeAsync("1.2.3", Token);
        Assert.Equal(
            ["""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"sov","version":"1.2.3"}}}""",
             """{"jsonrpc":"2.0","method":"notifications/initialized"}"""],
            channel.Sent);
    }

    [Fact]
    public async Task AVersionSovereignDoesNotSpeakIsRefused()
    {
        var channel = new Scripted((_, _) => "\"result\":{\"protocolVersion\":\"1999-01-01\"}");
        var e = await Assert.ThrowsAsync<ToolException>(() => Connect(channel).InitializeAsync("1", Token));
        Assert.Contains("MCP version '1999-01-01'", e.Message, StringComparison.Ordinal);
        Assert.Single(channel.Sent);
    }

    [Fact]
    public async Task ToolsAreListedPageByPage()
    {
        var channel = new Scripted((_, p) => p.TryGetProperty("cursor", out var c)
            ? $"\"result\":{{\"tools\":[{{\"name\":\"b\"}}],\"nextCursor\":{(c.GetString() == "2" ? "null" : "\"2\"")}}}"
            : "\"result\":{\"tools\":[{\"name\":\"a\",\"description\":\"A.\",\"inputSchema\":{\"type\":\"object\",\"properties\":{}}}],\"nextCursor\":\"1\"}");
        var list = await Connect(channel).ListToolsAsync(Token);
        Assert.False(list.Incomplete);
        Assert.Equal(["a", "b", "b"], list.Tools.Select(t => t.Name));
        Assert.Equal("A.", list.Tools[0].Description);
        Assert.Equal("""{"type":"object"}""", list.Tools[1].InputSchema.GetRawText()); // none given: an object
        Assert.Contains("\"params\":{\"cursor\":\"2\"}", channel.Sent[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACallsContentIsTextAndOtherKindsAreNamed()
    {
        var channel = new Scripted((_, _) => "\"result\":" + """{"content":[{"type":"text","text":"one"},{"type":"image","data":"AAAA","mimeType":"image/png"},{"type":"text","text":"two"}],"isError":true}""");
        var arguments = new Dictionary<string, object?> { ["text"] = JsonDocument.Parse("\"hi\"").RootElement, ["n"] = null };
        var result = await Connect(channel).CallAsync("echo", arguments, Token);
        Assert.Equal("one\n[image content not shown]\ntwo", result.Text);
        Assert.True(result.IsError);
        Assert.Contains("""{"name":"echo","arguments":{"text":"hi","n":null}}""", channel.Sent[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErrorAnswerIsAToolErrorInTheServersWordsRevealed()
    {
        var channel = new Scripted((_, _) => "\"error\":{\"code\":-32601,\"message\":\"no such\\u202e tool\"}");
        var e = await Assert.ThrowsAsync<ToolException>(() => Connect(channel).CallAsync("x", new Dictionary<string, object?>(), Token));
        Assert.StartsWith("MCP server 'fx' answered tools/call with an error: no such", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202e", e.Message, StringComparison.Ordinal);
    }
}
