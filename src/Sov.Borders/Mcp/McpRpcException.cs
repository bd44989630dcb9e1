namespace Sov.Borders.Mcp;

/// <summary>A server answered a request with a JSON-RPC error; <see cref="Exception.Message"/> is its own (untrusted) words.</summary>
public sealed class McpRpcException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
