using Microsoft.Extensions.AI;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Permission;
using Sov.Core.Tools;

namespace Sov.Core.Agent.Subagents;

/// <summary>
/// What a child takes from its parent session, never more: the model client, the parent's tools (the child gets a
/// subset), the parent's tool context (the same workspace, file border and read rules), the parent's permission gate
/// (journaled, asking the same person), the parent's way to ask approvals and to emit events, and its options.
/// </summary>
internal sealed record SubagentParent(
    IChatClient Client,
    ToolRegistry Tools,
    ToolContext Context,
    IPermissionGate Gate,
    Func<ApprovalRequested, CancellationToken, Task<(bool Approved, string? Reason)>>? Ask,
    Action<AgentEvent> Emit,
    AgentOptions Options,
    AgentCatalog Agents);
