namespace Sov.Core.Agent.Submissions;

/// <summary>Allow the tool call an <see cref="Events.ApprovalRequested"/> asked about.</summary>
public sealed record Approve(string CallId) : Submission;
