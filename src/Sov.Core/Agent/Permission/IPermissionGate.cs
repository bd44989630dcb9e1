using Sov.Core.Permissions;

namespace Sov.Core.Agent.Permission;

/// <summary>
/// The permission hook: the agent loop asks it before running every tool call (read-only ones too, so
/// rules may deny them; deny wins). The permissions room plugs its modes and rules in here.
/// </summary>
public interface IPermissionGate
{
    ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken);
}
