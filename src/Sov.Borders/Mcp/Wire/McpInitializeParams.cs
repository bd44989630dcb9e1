using System.Text.Json;

namespace Sov.Borders.Mcp.Wire;

/// <summary><c>initialize</c>: the protocol version asked for, no client capabilities (no sampling, roots or elicitation), who we are.</summary>
internal sealed record McpInitializeParams(string ProtocolVersion, JsonElement Capabilities, McpImplementation ClientInfo);
