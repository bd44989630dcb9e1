using System.Text.Json.Serialization;

namespace Sov.Core.Agent.Events;

/// <summary>A tool call finished; <paramref name="Output"/> is exactly what the model receives (written last on the wire).</summary>
public sealed record ToolResult(string CallId, string Name, [property: JsonPropertyOrder(1)] string Output, bool IsError) : AgentEvent;
