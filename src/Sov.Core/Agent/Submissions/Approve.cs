namespace Sov.Core.Agent.Submissions;

/// <summary>
/// Allow the tool call an <see cref="Events.ApprovalRequested"/> asked about. For a plan (<see cref="Events.ApprovalKind.Plan"/>)
/// <paramref name="Mode"/> names the permission mode to carry it out in (null: ask).
/// </summary>
public sealed record Approve(string CallId, string? Mode = null) : Submission;
