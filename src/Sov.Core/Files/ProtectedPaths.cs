namespace Sov.Core.Files;

/// <summary>
/// Paths inside the workspace that no tool and no sandboxed command may change, in any letter case and at
/// any depth: version-control metadata (the whole <c>.git</c>, folder or pointer file: its config, hooks,
/// attributes, HEAD and refs make git run code later: Copilot CVE-2025-53773, Cursor CVE-2026-26268),
/// <c>.gitmodules</c>, Sovereign's own <c>.sov/</c>, editor settings (<c>.vscode/</c>, <c>.idea/</c>), which
/// can run tasks, and direnv's <c>.envrc</c> and <c>.direnv/</c>, which a shell runs on entering the folder.
/// The sandbox re-binds every existing one read-only (<see cref="ProtectedEntries"/>) and masks the
/// top-level ones that are absent (<see cref="TopLevel"/>).
/// </summary>
public static class ProtectedPaths
{
    /// <summary>The names protected at any depth, lower case.</summary>
    public static readonly IReadOnlyList<string> Names = [".git", ".gitmodules", ".sov", ".vscode", ".idea", ".envrc", ".direnv"];

    /// <summary>Workspace-relative names the sandbox masks at the top level while they are absent, so a command cannot create them.</summary>
    public static IReadOnlyList<string> TopLevel => Names;

    private static readonly string[] ProtectedNames = [.. Names];

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
