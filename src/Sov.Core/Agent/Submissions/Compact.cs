namespace Sov.Core.Agent.Submissions;

/// <summary>Summarise the conversation to free context (its room is not built yet: answered with a warning).</summary>
public sealed record Compact : Submission;
