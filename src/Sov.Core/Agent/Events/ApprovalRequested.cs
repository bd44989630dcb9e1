namespace Sov.Core.Agent.Events;

/// <summary>
/// Something waits for the person: answer with Approve or Deny for <paramref name="CallId"/> (the tool call it belongs to).
/// Every approval goes this way (#14): a tool call the policy asks about, a command that would run unsandboxed, and
/// hidden characters in text a tool is about to write (<paramref name="Arguments"/> is then that text, revealed).
/// </summary>
public sealed record ApprovalRequested(string CallId, string Name, string Arguments, string Reason, ApprovalKind Kind = ApprovalKind.ToolCall) : AgentEvent;
