namespace Sov.Core.Agent.Protocol;

/// <summary>Token figures summed over a run's model requests (null when the server reported none).</summary>
public sealed record RunUsage(long? InputTokens, long? OutputTokens);
