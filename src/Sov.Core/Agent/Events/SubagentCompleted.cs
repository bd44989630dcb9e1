namespace Sov.Core.Agent.Events;

/// <summary>
/// Child <paramref name="ChildId"/> of <c>task</c> call <paramref name="CallId"/> ended: how, its final answer as
/// returned to the parent (cut to the size bound when <paramref name="Truncated"/>), and how many model requests it made.
/// </summary>
public sealed record SubagentCompleted(string ChildId, string CallId, TurnOutcome Outcome, string FinalText, bool Truncated, int Requests) : AgentEvent;
