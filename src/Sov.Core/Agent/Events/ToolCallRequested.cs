namespace Sov.Core.Agent.Events;

/// <summary>The model asked for a tool call; <paramref name="Arguments"/> is the raw text it sent.</summary>
public sealed record ToolCallRequested(string CallId, string Name, string Arguments, string Source) : AgentEvent;
