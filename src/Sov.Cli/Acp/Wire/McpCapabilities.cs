namespace Sov.Cli.Acp.Wire;

/// <summary>The MCP transports an editor may hand over beside stdio.</summary>
internal sealed record McpCapabilities(bool Http, bool Sse);
