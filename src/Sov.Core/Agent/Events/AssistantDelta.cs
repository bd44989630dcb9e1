namespace Sov.Core.Agent.Events;

/// <summary>A piece of the model's answer text, as streamed (tool-call markup left in text included).</summary>
public sealed record AssistantDelta(string Text) : AgentEvent;
