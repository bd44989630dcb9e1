namespace Sov.Cli.Acp.Wire;

/// <summary>What a tool call shows: content (type content) or a diff (type diff: path, oldText, newText).</summary>
internal sealed record ToolCallContent(string Type, ContentBlock? Content = null, string? Path = null, string? OldText = null, string? NewText = null);
