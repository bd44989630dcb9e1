namespace Sov.Cli.Acp.Wire;

/// <summary>A change to a tool call: its status, its output (also the tool call a permission request is about).</summary>
internal sealed record ToolCallProgress(string ToolCallId, string? Status = null, IReadOnlyList<ToolCallContent>? Content = null, string? Title = null,
    string? Kind = null, IReadOnlyList<ToolCallLocation>? Locations = null) : SessionUpdate;
