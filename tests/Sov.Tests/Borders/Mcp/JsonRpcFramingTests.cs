using System.Text;
using System.Text.Json;
using Sov.Borders.Mcp;
using Sov.Borders.Mcp.Wire;

namespace Sov.Tests.Borders.Mcp;

/// <summary>JSON-RPC messages written and read by Sovereign's own MCP client (#14: the SDK it replaces cost 8.6 MB of binary).</summary>
public sealed class JsonRpcFramingTests
{
    private static JsonRpcMessage Parse(string line) => JsonRpcFraming.Parse(Encoding.UTF8.GetBytes(line)) ?? throw new InvalidOperationException("not parsed");

    [Fact]
    public void ARequestIsOneJsonRpcObjectWithItsIdMethodAndParams()
    {
        var bytes = JsonRpcFraming.Request(3, "tools/call", new McpCallToolParams("echo", new Dictionary<string, JsonElement?> { ["text"] = JsonDocument.Parse("\"hi\"").RootElement, ["none"] = null }), McpJson.Default.McpCallToolParams);
        Assert.Equal("""{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi","none":null}}}""", Encoding.UTF8.GetString(bytes));
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""", Encoding.UTF8.GetString(JsonRpcFraming.Request(1, "tools/list", new McpListToolsParams(null), McpJson.Default.McpListToolsParams)));
        Assert.Equal("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", Encoding.UTF8.GetString(JsonRpcFraming.Notification("notifications/initialized")));
        Assert.Equal("""{"jsonrpc":"2.0","id":"p1","result":{}}""", Encoding.UTF8.GetString(JsonRpcFraming.EmptyResult(Parse("""{"jsonrpc":"2.0","id":"p1","method":"ping"}""").Id!.Value)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r")]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"not an object\"}")]
    public void ALineThatIsNotAMessageIsSkipped(string line) => Assert.Null(JsonRpcFraming.Parse(Encoding.UTF8.GetBytes(line)));

    [Fact]
    public void ResponsesRequestsAndNotificationsAreToldApart()
    {
        var answer = Parse("""{"jsonrpc":"2.0","id":7,"result":{}}""");
        Assert.True(answer.IsResponse);
        Assert.True(answer.Answers(7));
        Assert.False(answer.Answers(8));
        Assert.True(Parse("""{"jsonrpc":"2.0","id":"7","result":{}}""").Answers(7));
        Assert.False(Parse("""{"jsonrpc":"2.0","id":7.5,"result":{}}""").Answers(7));
        Assert.True(Parse("""{"jsonrpc":"2.0","id":7,"method":"ping"}""").IsRequest);
        var note = Parse("""{"jsonrpc":"2.0","method":"notifications/message","params":{"data":"x"}}""");
        Assert.False(note.IsRequest || note.IsResponse);
    }

    [Fact]
    public void AnErrorOrAMalformedResultIsAnException()
    {
        var error = Assert.Throws<McpRpcException>(() => JsonRpcFraming.Result(Parse("""{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"no such method"}}"""), "tools/call", McpJson.Default.McpCallToolResult));
        Assert.Equal((-32601, "no such method"), (error.Code, error.Message));
        Assert.Throws<McpProtocolException>(() => JsonRpcFraming.Result(Parse("""{"jsonrpc":"2.0","id":1,"result":{"content":"text"}}"""), "tools/call", McpJson.Default.McpCallToolResult));
        Assert.Throws<McpProtocolException>(() => JsonRpcFraming.Result(Parse("""{"jsonrpc":"2.0","id":1}"""), "tools/call", McpJson.Default.McpCallToolResult));
        var result = JsonRpcFraming.Result(Parse("""{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"a"},{"type":"image","data":"AAAA","mimeType":"image/png"}],"isError":true}}"""), "tools/call", McpJson.Default.McpCallToolResult);
        Assert.Equal(["text", "image"], result.Content!.Select(c => c.Type));
        Assert.True(result.IsError);
    }
}
