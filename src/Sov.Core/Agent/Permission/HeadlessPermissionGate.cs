namespace Sov.Core.Agent.Permission;

/// <summary>With no one to ask (sov exec): read-only tools run, anything else is denied and reported.</summary>
public sealed class HeadlessPermissionGate : IPermissionGate
{
    public ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(request.Tool.IsReadOnly
            ? PermissionDecision.Allow
            : PermissionDecision.Deny($"{request.Tool.Name} needs approval and sov exec has no one to ask"));
    }
}
