using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Sov.Cli.Acp.Rpc;
using Sov.Cli.Acp.Wire;

namespace Sov.Tests.Cli.Acp;

/// <summary>
/// #18: the agent's JSON-RPC layer over a pair of in-memory pipes: a line that is not JSON and one that is not a
/// request get the protocol's errors with a null id and reading goes on; a handler's error is answered with its code;
/// the agent's own request waits for the editor's answer; stdout stays ASCII whatever the text.
/// </summary>
public sealed class RpcConnectionTests
{
    private sealed class Echo : IRpcHandler
    {
        public Task<byte[]> HandleAsync(string method, JsonElement? parameters, bool notification, CancellationToken cancellationToken) =>
            method == "echo"
                ? Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(new PromptResult("ünïcode \u202E"), AcpJson.Default.PromptResult))
                : throw new RpcException(RpcCodes.MethodNotFound, $"Method not found: {method}");
    }

    private sealed class Wire : IAsyncDisposable
    {
        private readonly Pipe _toAgent = new();
        private readonly Pipe _fromAgent = new();
        private readonly StreamReader _reader;
        private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(20));

        public Wire(IRpcHandler handler)
        {
            Connection = new RpcConnection(_toAgent.Reader.AsStream(), _fromAgent.Writer.AsStream(), handler);
            Running = Connection.RunAsync(_stop.Token);
            _reader = new StreamReader(_fromAgent.Reader.AsStream(), Encoding.UTF8);
        }

        public RpcConnection Connection { get; }

        public Task Running { get; }

        public async Task SendAsync(string line) => await _toAgent.Writer.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), _stop.Token);

        public async Task<(string Raw, JsonElement Message)> ReadAsync()
        {
            var line = await _reader.ReadLineAsync(_stop.Token) ?? throw new InvalidOperationException("the agent closed its output");
            return (line, JsonDocument.Parse(line).RootElement.Clone());
        }

        public async ValueTask DisposeAsync()
        {
            await _toAgent.Writer.CompleteAsync();
            await Running.WaitAsync(_stop.Token);
            await Connection.DisposeAsync();
            _stop.Dispose();
        }
    }

    [Fact]
    public async Task BadLinesAreAnsweredWithTheProtocolsErrorsAndServingGoesOn()
    {
        await using var wire = new Wire(new Echo());
        await wire.SendAsync("{not json");
        var (_, parse) = await wire.ReadAsync();
        Assert.Equal(-32700, parse.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, parse.GetProperty("id").ValueKind);

        await wire.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"echo\"}");
        Assert.Equal(-32600, (await wire.ReadAsync()).Message.GetProperty("error").GetProperty("code").GetInt32());

        await wire.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"nope\"}");
        var (_, unknown) = await wire.ReadAsync();
        Assert.Equal(-32601, unknown.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(7, unknown.GetProperty("id").GetInt32());

        await wire.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":\"e\",\"method\":\"echo\",\"params\":{}}");
        var (raw, echo) = await wire.ReadAsync();
        Assert.Equal("ünïcode \u202E", echo.GetProperty("result").GetProperty("stopReason").GetString());
        Assert.True(raw.All(c => c is >= ' ' and <= '~'), "stdout carries printable ASCII only: " + raw);
    }

    [Fact]
    public async Task TheAgentsOwnRequestWaitsForTheEditorsAnswer()
    {
        await using var wire = new Wire(new Echo());
        var asking = wire.Connection.RequestAsync("session/request_permission",
            new RequestPermissionParams("s", new ToolCallProgress("call_1"), [new PermissionOption("allow_once", "Allow once", "allow_once")]),
            AcpJson.Default.RequestPermissionParams, AcpJson.Default.RequestPermissionResult, TestContext.Current.CancellationToken);
        var (_, question) = await wire.ReadAsync();
        Assert.Equal("session/request_permission", question.GetProperty("method").GetString());
        Assert.Equal("call_1", question.GetProperty("params").GetProperty("toolCall").GetProperty("toolCallId").GetString());
        var id = question.GetProperty("id").GetInt64();
        await wire.SendAsync($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{{\"outcome\":{{\"outcome\":\"selected\",\"optionId\":\"allow_once\"}}}}}}");
        var answer = await asking.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal("allow_once", answer.Outcome?.OptionId);
    }
}
