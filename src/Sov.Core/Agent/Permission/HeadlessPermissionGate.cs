using Sov.Core.Permissions;
using Sov.Core.Tools.Effects;

namespace Sov.Core.Agent.Permission;

/// <summary>With no one to ask: calls that only read (or touch nothing) run, anything else is denied and reported.</summary>
public sealed class HeadlessPermissionGate : IPermissionGate
{
    public ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(request.Effect is ReadPath or NoEffect
            ? PermissionDecision.Allow()
            : PermissionDecision.Deny($"{request.Tool.Name} needs approval and sov exec has no one to ask"));
    }
}
