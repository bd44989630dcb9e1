using Sov.Core.Permissions;

namespace Sov.Core.Agent.Permission;

/// <summary>A mode nobody switches (<c>sov exec</c>): a plan is the run's answer and is not approved by anyone.</summary>
public sealed class FixedModes(PermissionMode mode) : IPermissionModes
{
    public PermissionMode Mode { get; } = mode;

    public bool PersonDecides => false;

    public string? SwitchMode(PermissionMode mode) => "nobody can switch the mode of a headless run";
}
