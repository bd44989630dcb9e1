namespace Sov.Core.Agent.Submissions;

/// <summary>Summarise the conversation to free context; answered by a <see cref="Events.CompactCompleted"/>.</summary>
public sealed record Compact : Submission;
