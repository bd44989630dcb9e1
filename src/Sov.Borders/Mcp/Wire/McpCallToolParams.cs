using System.Text.Json;

namespace Sov.Borders.Mcp.Wire;

/// <summary><c>tools/call</c>: the tool's name on the server and its arguments, each already a JSON value.</summary>
internal sealed record McpCallToolParams(string Name, IReadOnlyDictionary<string, JsonElement?> Arguments);
