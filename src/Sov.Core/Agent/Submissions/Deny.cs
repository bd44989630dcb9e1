namespace Sov.Core.Agent.Submissions;

/// <summary>Refuse the tool call an <see cref="Events.ApprovalRequested"/> asked about; the reason goes to the model.</summary>
public sealed record Deny(string CallId, string? Reason = null) : Submission;
