namespace Sov.Core.Agent.Events;

/// <summary>A turn began for the person's message.</summary>
public sealed record TurnStarted(int Turn, string Prompt) : AgentEvent;
