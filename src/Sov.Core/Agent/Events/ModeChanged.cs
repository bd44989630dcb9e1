namespace Sov.Core.Agent.Events;

/// <summary>
/// The session's permission mode is now <paramref name="Mode"/> (its name, as <c>auto-edit</c>), switched
/// <paramref name="By"/> (<c>plan</c>: the person approved a plan and chose it, #17).
/// </summary>
public sealed record ModeChanged(string Mode, string By) : AgentEvent;
