namespace Sov.Borders.Mcp.Wire;

/// <summary>A client's or server's name and version in <c>initialize</c>.</summary>
internal sealed record McpImplementation(string Name, string Version);
