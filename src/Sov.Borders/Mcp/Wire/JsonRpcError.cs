namespace Sov.Borders.Mcp.Wire;

/// <summary>The error object of a JSON-RPC response.</summary>
internal sealed record JsonRpcError(int Code, string? Message);
