using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sov.Borders.Mcp.Wire;

/// <summary>The MCP messages Sovereign reads and writes, serialised by source generation (Native AOT: no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonRpcMessage))]
[JsonSerializable(typeof(McpInitializeParams))]
[JsonSerializable(typeof(McpInitializeResult))]
[JsonSerializable(typeof(McpListToolsParams))]
[JsonSerializable(typeof(McpListToolsResult))]
[JsonSerializable(typeof(McpCallToolParams))]
[JsonSerializable(typeof(McpCallToolResult))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
internal sealed partial class McpJson : JsonSerializerContext;
