namespace Sov.Cli.Acp.Wire;

/// <summary>The error object of a JSON-RPC response (codes: JSON-RPC's own and ACP's ErrorCode).</summary>
internal sealed record RpcError(int Code, string Message);
