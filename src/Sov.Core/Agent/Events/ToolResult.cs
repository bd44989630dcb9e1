namespace Sov.Core.Agent.Events;

/// <summary>A tool call finished; <paramref name="Output"/> is exactly what the model receives.</summary>
public sealed record ToolResult(string CallId, string Name, string Output, bool IsError) : AgentEvent;
