namespace Sov.Core.Agent.Events;

/// <summary>A tool call waits for the person: answer with Approve or Deny for <paramref name="CallId"/>.</summary>
public sealed record ApprovalRequested(string CallId, string Name, string Arguments, string Reason) : AgentEvent;
