namespace Sov.Core.Agent.Events;

/// <summary>Token figures the server reported for one model request.</summary>
public sealed record Usage(long? InputTokens, long? OutputTokens, long? TotalTokens) : AgentEvent;
