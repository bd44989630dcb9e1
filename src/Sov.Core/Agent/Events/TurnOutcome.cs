namespace Sov.Core.Agent.Events;

/// <summary>How a turn ended.</summary>
public enum TurnOutcome
{
    Completed,
    Failed,
    Interrupted,
    MaxTurns,
}
