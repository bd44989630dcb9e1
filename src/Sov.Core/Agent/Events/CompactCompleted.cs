namespace Sov.Core.Agent.Events;

/// <summary>
/// A <c>Compact</c> submission ended: when <paramref name="Compacted"/>, the conversation is now a summary of
/// <paramref name="Messages"/> messages; otherwise a <see cref="Warning"/> before it said why not and nothing changed.
/// </summary>
public sealed record CompactCompleted(bool Compacted, int Messages) : AgentEvent;
