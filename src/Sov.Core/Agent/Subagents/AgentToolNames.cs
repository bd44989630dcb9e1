namespace Sov.Core.Agent.Subagents;

/// <summary>
/// Tool names in agent files: Sovereign's own (<c>read_file</c>, <c>grep</c>, <c>shell</c>, …), or Claude Code's
/// (<c>Read</c>, <c>Grep</c>, <c>Bash</c>, …) mapped to ours, so its agent files work unchanged. Any other name is kept
/// (an MCP tool's); a name the session does not offer is left out when the child is built.
/// </summary>
public static class AgentToolNames
{
    /// <summary>What a child gets when its definition names no tools.</summary>
    public static readonly IReadOnlyList<string> ReadOnly = ["read_file", "list_dir", "glob", "grep"];

    private static readonly Dictionary<string, string> Claude = new(StringComparer.Ordinal)
    {
        ["Read"] = "read_file",
        ["Grep"] = "grep",
        ["Glob"] = "glob",
        ["LS"] = "list_dir",
        ["Write"] = "write_file",
        ["Edit"] = "edit_file",
        ["MultiEdit"] = "edit_file",
        ["Bash"] = "shell",
        ["TodoWrite"] = "todo",
    };

    public static string Map(string name) => Claude.TryGetValue(name, out var ours) ? ours : name;
}
