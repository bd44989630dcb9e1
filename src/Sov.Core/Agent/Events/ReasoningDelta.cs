namespace Sov.Core.Agent.Events;

/// <summary>A piece of the model's reasoning; shown, never sent back to the model.</summary>
public sealed record ReasoningDelta(string Text) : AgentEvent;
