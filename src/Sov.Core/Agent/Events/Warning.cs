namespace Sov.Core.Agent.Events;

/// <summary>Something the person should know that did not stop the turn (a retry, a denied call).</summary>
public sealed record Warning(string Message) : AgentEvent;
