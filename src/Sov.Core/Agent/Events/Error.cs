namespace Sov.Core.Agent.Events;

/// <summary>The turn failed: one line of what went wrong, one of what to do, and the exit code it maps to.</summary>
public sealed record Error(string Message, string Remedy, int ExitCode) : AgentEvent;
