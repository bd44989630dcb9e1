namespace Sov.Cli.Acp.Rpc;

/// <summary>A JSON-RPC error: answered to the editor with <see cref="Code"/> and the message (one line, what went wrong).</summary>
internal sealed class RpcException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
