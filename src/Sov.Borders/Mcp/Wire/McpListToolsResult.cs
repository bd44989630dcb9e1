namespace Sov.Borders.Mcp.Wire;

/// <summary>One page of <c>tools/list</c>, and the cursor of the next if there is one.</summary>
internal sealed record McpListToolsResult(IReadOnlyList<McpToolEntry>? Tools, string? NextCursor);
