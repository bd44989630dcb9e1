namespace Sov.Cli.Acp.Rpc;

/// <summary>The error codes of JSON-RPC 2.0 and ACP's ErrorCode that Sovereign answers with.</summary>
internal static class RpcCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    /// <summary>ACP: a session (or other resource) the agent does not know.</summary>
    public const int ResourceNotFound = -32002;
}
