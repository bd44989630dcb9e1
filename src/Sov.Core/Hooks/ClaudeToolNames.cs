namespace Sov.Core.Hooks;

/// <summary>
/// The names Claude Code gives the tools Sovereign has too, so that a matcher written for Claude Code's hooks
/// (<c>Bash</c>, <c>Edit|Write</c>) matches the same calls here; hooks still receive Sovereign's own names.
/// </summary>
public static class ClaudeToolNames
{
    private static readonly Dictionary<string, string> ByOwnName = new(StringComparer.Ordinal)
    {
        ["shell"] = "Bash",
        ["write_file"] = "Write",
        ["edit_file"] = "Edit",
        ["read_file"] = "Read",
        ["list_dir"] = "LS",
        ["glob"] = "Glob",
        ["grep"] = "Grep",
        ["todo"] = "TodoWrite",
        ["skill"] = "Skill",
    };

    /// <summary>Claude Code's name for <paramref name="toolName"/>, or null when it has none.</summary>
    public static string? Of(string toolName) => ByOwnName.GetValueOrDefault(toolName);
}
