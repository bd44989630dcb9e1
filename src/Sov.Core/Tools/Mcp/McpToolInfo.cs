using System.Text.Json;

namespace Sov.Core.Tools.Mcp;

/// <summary>One tool a server offers: its name there, its description and its input JSON schema (all untrusted).</summary>
public sealed record McpToolInfo(string Name, string? Description, JsonElement InputSchema);
