namespace Sov.Core.Permissions;

/// <summary>How much the agent may do without asking. Ordered from narrowest to widest.</summary>
public enum PermissionMode
{
    /// <summary>
    /// Plan mode: reads and read-only tools only; every write, command, MCP call and network reach is refused without
    /// asking. The model ends with a plan (<c>exit_plan</c>); the person approves it and chooses the mode to carry it out in.
    /// </summary>
    Plan = -1,

    /// <summary>Reads free; writes refused; shell only when an allow rule approves the command.</summary>
    ReadOnly = 0,

    /// <summary>The default: reads in the workspace free, writes and shell ask.</summary>
    Ask = 1,

    /// <summary>Writes inside the workspace free; shell asks.</summary>
    AutoEdit = 2,

    /// <summary>Everything inside the sandbox free; refused when the sandbox is unavailable.</summary>
    FullAuto = 3,
}
