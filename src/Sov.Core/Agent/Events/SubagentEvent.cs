namespace Sov.Core.Agent.Events;

/// <summary>
/// Something child <paramref name="ChildId"/> did (a tool call, its result, usage, a warning), as the event the child
/// emitted. Its text deltas are not passed on (its answer arrives in <see cref="SubagentCompleted"/>); approvals and
/// file changes are the parent's own events, since the parent answers and shows them.
/// </summary>
public sealed record SubagentEvent(string ChildId, AgentEvent Event) : AgentEvent;
