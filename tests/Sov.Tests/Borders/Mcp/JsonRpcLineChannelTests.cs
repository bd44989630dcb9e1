using System.IO.Pipelines;
using System.Text;
using Sov.Borders.Mcp;
using Sov.Core.Tools.Mcp;

namespace Sov.Tests.Borders.Mcp;

/// <summary>
/// JSON-RPC over a stdio server's pipes (#14: Sovereign's own client in place of the SDK), with the bounds of
/// issue #12 kept: a line over the message cap ends the server and fails the open request at once.
/// </summary>
public sealed class JsonRpcLineChannelTests : IAsyncDisposable
{
    private readonly Pipe _toServer = new();
    private readonly Pipe _fromServer = new();
    private readonly JsonRpcLineChannel _channel;
    private readonly StreamReader _server;
    private int _breaches;

    public JsonRpcLineChannelTests()
    {
        _channel = new JsonRpcLineChannel(_toServer.Writer.AsStream(), _fromServer.Reader.AsStream(), () => _breaches++);
        _server = new StreamReader(_toServer.Reader.AsStream(), Encoding.UTF8);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task SayAsync(string text)
    {
        await _fromServer.Writer.WriteAsync(Encoding.UTF8.GetBytes(text), Token);
        await _fromServer.Writer.FlushAsync(Token);
    }

    private Task<Sov.Borders.Mcp.Wire.JsonRpcMessage> AskAsync(long id) =>
        _channel.RequestAsync(id, "tools/list", Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"tools/list\"}}"), Token);

    [Fact]
    public async Task OnlyTheAnswerWithTheRequestsIdIsTaken()
    {
        var asked = AskAsync(5);
        Assert.Equal("""{"jsonrpc":"2.0","id":5,"method":"tools/list"}""", await _server.ReadLineAsync(Token));
        await SayAsync("not json at all\n{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\"}\n{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{\"tools\":[]}}\n");
        Assert.False(asked.IsCompleted);
        await SayAsync("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{\"tools\":[],\"nextCursor\":\"n\"}}\n");
        var answer = await asked;
        Assert.True(answer.Answers(5));
        Assert.Equal("n", answer.Result!.Value.GetProperty("nextCursor").GetString());
        Assert.Null(_channel.Problem);
    }

    [Fact]
    public async Task ALineOverTheCapEndsTheServerAndFailsTheRequest()
    {
        var asked = AskAsync(1);
        await _server.ReadLineAsync(Token);
        var chunk = new string('A', 64 * 1024);
        for (var sent = 0; sent <= McpLimits.MaxMessageBytes && !asked.IsCompleted; sent += chunk.Length)
        {
            await SayAsync(chunk);
        }

        await Assert.ThrowsAsync<McpMessageTooLargeException>(() => asked);
        Assert.Equal(1, _breaches);
        Assert.Contains("over 4 MiB", _channel.Problem, StringComparison.Ordinal);
        Assert.True(_channel.Closed.IsCancellationRequested);
        await Assert.ThrowsAsync<McpProtocolException>(() => AskAsync(2));
    }

    [Fact]
    public async Task AServerThatEndsFailsTheOpenRequest()
    {
        var asked = AskAsync(1);
        await _server.ReadLineAsync(Token);
        await _fromServer.Writer.CompleteAsync();
        var e = await Assert.ThrowsAsync<McpProtocolException>(() => asked);
        Assert.Equal("the server ended", e.Message);
        Assert.True(_channel.Closed.IsCancellationRequested);
        Assert.Null(_channel.Problem);
    }

    [Fact]
    public async Task APingIsAnsweredAndOtherRequestsOfTheServerAreNot()
    {
        await SayAsync("{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"method\":\"sampling/createMessage\",\"params\":{}}\n{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}\n");
        Assert.Equal("""{"jsonrpc":"2.0","id":9,"result":{}}""", await _server.ReadLineAsync(Token));
    }

    [Fact]
    public async Task ARequestThatIsCancelledLeavesTheChannelUsable()
    {
        using var cancel = new CancellationTokenSource();
        var asked = _channel.RequestAsync(1, "tools/call", "{\"id\":1}"u8.ToArray(), cancel.Token);
        await _server.ReadLineAsync(Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asked);
        await SayAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n"); // too late: dropped
        var next = AskAsync(2);
        await _server.ReadLineAsync(Token);
        await SayAsync("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}\n");
        Assert.True((await next).Answers(2));
    }

    public async ValueTask DisposeAsync()
    {
        await _fromServer.Writer.CompleteAsync();
        await _channel.DisposeAsync();
        _server.Dispose();
    }
}
