namespace Sov.Core.Permissions;

/// <summary>How much the agent may do without asking. Ordered from narrowest to widest.</summary>
public enum PermissionMode
{
    /// <summary>Reads free; writes refused; shell only when an allow rule approves the command.</summary>
    ReadOnly = 0,

    /// <summary>The default: reads in the workspace free, writes and shell ask.</summary>
    Ask = 1,

    /// <summary>Writes inside the workspace free; shell asks.</summary>
    AutoEdit = 2,

    /// <summary>Everything inside the sandbox free; refused when the sandbox is unavailable.</summary>
    FullAuto = 3,
}
