namespace Sov.Core.Tools.Mcp;

/// <summary>
/// What a call returned, as text (non-text content is named, not shown), and whether the server called it an
/// error. The connection keeps at most <see cref="McpTool.MaxOutput"/> characters; <see cref="Omitted"/> counts the rest.
/// </summary>
public sealed record McpCallResult(string Text, bool IsError)
{
    public long Omitted { get; init; }
}
