namespace Sov.Borders.Mcp.Wire;

/// <summary>One content block of a result; only a text block's text is read (other kinds are named, not shown).</summary>
internal sealed record McpContentBlock(string? Type, string? Text);
