namespace Sov.Core.Agent.Events;

/// <summary>The turn ended. <paramref name="FinalText"/> is the last answer without tool-call markup.</summary>
public sealed record TurnCompleted(int Turn, TurnOutcome Outcome, string FinalText, int Requests) : AgentEvent;
