namespace Sov.Core.Files;

/// <summary>
/// Paths inside the workspace that no tool may change, in any letter case and at any depth: git's
/// config and hooks (they run code later: Copilot CVE-2025-53773, Cursor CVE-2026-26268), <c>.gitmodules</c>,
/// Sovereign's own <c>.sov/</c> and editor settings (<c>.vscode/</c>, <c>.idea/</c>), which can run tasks.
/// Tools treat the whole <c>.git</c> folder as read-only; the sandbox re-binds <see cref="SandboxMasks"/>
/// read-only so shell commands can still commit.
/// </summary>
public static class ProtectedPaths
{
    /// <summary>Workspace-relative paths the sandbox re-binds read-only, or masks when absent.</summary>
    public static readonly IReadOnlyList<string> SandboxMasks = [".git/config", ".git/hooks", ".gitmodules", ".sov", ".vscode", ".idea"];

    private static readonly string[] ProtectedNames = [".sov", ".vscode", ".idea", ".gitmodules", ".git"];

    /// <summary>True when a workspace-relative path ('/' or OS separators) is protected.</summary>
    public static bool IsProtected(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var parts = relativePath.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        return parts.Any(p => IsProtectedName(p.TrimEnd(' ', '.')));
    }

    /// <summary>True when one directory entry's name is protected, in any letter case.</summary>
    public static bool IsProtectedName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ProtectedNames.Contains(name.ToLowerInvariant(), StringComparer.Ordinal);
    }
}
