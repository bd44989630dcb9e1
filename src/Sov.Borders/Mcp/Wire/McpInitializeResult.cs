namespace Sov.Borders.Mcp.Wire;

/// <summary>The part of a server's <c>initialize</c> answer that is used: the protocol version it chose.</summary>
internal sealed record McpInitializeResult(string? ProtocolVersion);
