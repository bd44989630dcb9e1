namespace Sov.Core.Tools.Mcp;

/// <summary>What a call returned, as text (non-text content is named, not shown), and whether the server called it an error.</summary>
public sealed record McpCallResult(string Text, bool IsError);
