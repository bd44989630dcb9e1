namespace Sov.Borders.Mcp.Wire;

/// <summary><c>tools/list</c>: the cursor of the page wanted (none for the first).</summary>
internal sealed record McpListToolsParams(string? Cursor);
