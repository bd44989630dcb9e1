namespace Sov.Borders.Mcp.Wire;

/// <summary>A <c>tools/call</c> answer: its content blocks and whether the server calls it an error.</summary>
internal sealed record McpCallToolResult(IReadOnlyList<McpContentBlock>? Content, bool? IsError);
