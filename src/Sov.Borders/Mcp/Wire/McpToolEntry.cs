using System.Text.Json;

namespace Sov.Borders.Mcp.Wire;

/// <summary>One tool as a server lists it.</summary>
internal sealed record McpToolEntry(string? Name, string? Description, JsonElement? InputSchema);
