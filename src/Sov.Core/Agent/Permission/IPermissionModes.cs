using Sov.Core.Permissions;

namespace Sov.Core.Agent.Permission;

/// <summary>
/// The session's permission mode as the agent loop sees it (#17): the loop offers only read-only tools and
/// <c>exit_plan</c> in plan mode, and switches the mode the person chooses when they approve a plan.
/// </summary>
public interface IPermissionModes
{
    PermissionMode Mode { get; }

    /// <summary>Whether a person is there to approve a plan and choose a mode (false in <c>sov exec</c>).</summary>
    bool PersonDecides { get; }

    /// <summary>Switches the mode for the rest of the session; returns why not (one line), or null when switched.</summary>
    string? SwitchMode(PermissionMode mode);
}
