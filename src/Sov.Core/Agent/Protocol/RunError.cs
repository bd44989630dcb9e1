namespace Sov.Core.Agent.Protocol;

/// <summary>Why a run failed: what went wrong, what to do.</summary>
public sealed record RunError(string Message, string Remedy);
