using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Sov.Borders.Mcp;

namespace Sov.Tests.Borders.Mcp;

/// <summary>MCP's streamable HTTP as Sovereign's own client speaks it (#14: in place of the SDK's transport).</summary>
public sealed class McpHttpChannelTests
{
    /// <summary>Answers each POST with the next scripted response and records what was sent.</summary>
    private sealed class Script(params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        private int _next;

        public ConcurrentQueue<(string Body, string? Session, string? Version, string? Authorization, string Accept)> Sent { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent.Enqueue((await request.Content!.ReadAsStringAsync(cancellationToken),
                request.Headers.TryGetValues("Mcp-Session-Id", out var s) ? s.Single() : null,
                request.Headers.TryGetValues("MCP-Protocol-Version", out var v) ? v.Single() : null,
                request.Headers.Authorization?.ToString(), request.Headers.Accept.ToString()));
            return answers[_next++]();
        }
    }

    private static Func<HttpResponseMessage> Reply(string body, string type, HttpStatusCode status = HttpStatusCode.OK, string? session = null) => () =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, type) };
        if (session is not null)
        {
            response.Headers.Add("Mcp-Session-Id", session);
        }

        return response;
    };

    private static byte[] Ask(long id) => Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"tools/list\"}}");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AJsonAnswerIsReadAndTheSessionIdAndTokenAreSentBack()
    {
        var script = new Script(
            Reply("""{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-06-18"}}""", "application/json", session: "sess-1"),
            Reply("", "application/json", HttpStatusCode.Accepted),
            Reply("""{"jsonrpc":"2.0","id":2,"result":{"tools":[]}}""", "application/json"));
        using var http = new HttpClient(script);
        var channel = new McpHttpChannel(http, new Uri("http://127.0.0.1:9/mcp"), "tok");
        Assert.True((await channel.RequestAsync(1, "initialize", Ask(1), Token)).Answers(1));
        channel.ProtocolVersion = "2025-06-18";
        await channel.NotifyAsync("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"u8.ToArray(), Token);
        Assert.True((await channel.RequestAsync(2, "tools/list", Ask(2), Token)).Answers(2));

        var sent = script.Sent.ToList();
        Assert.Equal([null, "sess-1", "sess-1"], sent.Select(s => s.Session));
        Assert.Equal([null, "2025-06-18", "2025-06-18"], sent.Select(s => s.Version));
        Assert.All(sent, s => Assert.Equal("Bearer tok", s.Authorization));
        Assert.All(sent, s => Assert.Equal("application/json, text/event-stream", s.Accept));
    }

    [Fact]
    public async Task AnEventStreamIsReadUntilTheAnswerAndAPingInItIsAnswered()
    {
        var stream = "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}\n\n"
            + "data: {\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}\n\n"
            + "data: {\"jsonrpc\":\"2.0\",\"id\":6,\"result\":{}}\n\n"
            + "data: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"late\":true}}\n\n";
        var script = new Script(Reply(stream, "text/event-stream"), Reply("", "application/json", HttpStatusCode.Accepted));
        using var http = new HttpClient(script);
        var channel = new McpHttpChannel(http, new Uri("http://127.0.0.1:9/mcp"), null);
        var answer = await channel.RequestAsync(7, "tools/call", Ask(7), Token);
        Assert.True(answer.Result!.Value.GetProperty("late").GetBoolean());
        Assert.Equal("""{"jsonrpc":"2.0","id":"p","result":{}}""", script.Sent.Last().Body);
        Assert.Null(script.Sent.First().Authorization);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":99,"result":{}}""", "application/json", "with a message for another request")]
    [InlineData("{broken", "application/json", "is not a JSON-RPC message")]
    [InlineData("<html/>", "text/html", "content of type 'text/html'")]
    [InlineData("data: {\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{}}\n\n", "text/event-stream", "ended without an answer to tools/list")]
    [InlineData("{}", "application/json", "HTTP 500")]
    public async Task AnAnswerThatIsNotForTheRequestFailsIt(string body, string type, string expected)
    {
        var status = expected == "HTTP 500" ? HttpStatusCode.InternalServerError : HttpStatusCode.OK;
        using var http = new HttpClient(new Script(Reply(body, type, status)));
        var channel = new McpHttpChannel(http, new Uri("http://127.0.0.1:9/mcp"), null);
        var e = await Assert.ThrowsAsync<McpProtocolException>(() => channel.RequestAsync(1, "tools/list", Ask(1), Token));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
