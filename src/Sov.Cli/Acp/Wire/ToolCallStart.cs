namespace Sov.Cli.Acp.Wire;

/// <summary>A tool call the model asked for: what it is, what kind, where, and (for a write) the diff. The raw arguments are
/// not sent: they are the model's text unrevealed, and the title, locations and diff say what the call does.</summary>
internal sealed record ToolCallStart(string ToolCallId, string Title, string Kind, string Status, IReadOnlyList<ToolCallContent>? Content,
    IReadOnlyList<ToolCallLocation>? Locations) : SessionUpdate;
