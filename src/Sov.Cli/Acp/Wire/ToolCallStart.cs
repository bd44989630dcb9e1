using System.Text.Json;

namespace Sov.Cli.Acp.Wire;

/// <summary>A tool call the model asked for: what it is, what kind, where, and (for a write) the diff.</summary>
internal sealed record ToolCallStart(string ToolCallId, string Title, string Kind, string Status, IReadOnlyList<ToolCallContent>? Content,
    IReadOnlyList<ToolCallLocation>? Locations, JsonElement? RawInput) : SessionUpdate;
