using System.Text;
using Sov.Core.Permissions;

namespace Sov.Core.Files;

/// <summary>
/// The one way Sovereign reads the files a project hands it at start (AGENTS.md and its fallbacks,
/// <c>.sov/commands/*.md</c>, <c>.sov/config.toml</c>): through the same checks as <c>read_file</c>. A symlink
/// (or a symlinked folder) leading out of the workspace is refused, and the kernel's record of the opened
/// file must be where the check said; only a regular file is read, opened without waiting (a FIFO or device
/// named AGENTS.md cannot hang the start); a file with several hard links is refused, since its other names
/// may be anywhere; <c>read:</c> deny rules refuse and ask rules hold the file back (nobody is asked at
/// start); reads stop at a cap. The person's own files under the config folder are trusted
/// (<see cref="ReadOwn"/>): symlinks may lead anywhere, but they too must be regular files and are capped.
/// (Pinned attack: issue #12 item 2, <c>ln -s /etc/shadow AGENTS.md</c> sent /etc/shadow to the model.)
/// </summary>
public sealed class ProjectFileBorder(Workspace workspace, PermissionPolicy? policy)
{
    public const int DefaultMaxBytes = 64 * 1024;

    public Workspace Workspace { get; } = workspace;

    /// <summary>
    /// Reads a project file, or returns null when there is none. Symlinks must stay inside
    /// <paramref name="containedIn"/> (the workspace unless given: the repository root for the AGENTS.md
    /// chain above the workspace).
    /// </summary>
    public ProjectFileRead? Read(string path, int maxBytes = DefaultMaxBytes, string? containedIn = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var border = containedIn is null ? Workspace : new Workspace(containedIn, Workspace.Files);
        WorkspacePath p;
        try
        {
            p = border.Inspect(path);
        }
        catch (WorkspaceException e)
        {
            return new ProjectFileRead(path, null, ProjectFileStatus.Refused, e.Message);
        }

        var display = RulePath(p.FullPath);
        if (!File.Exists(p.FullPath))
        {
            return null;
        }

        if (!p.Inside)
        {
            return Refused(display, p.FullPath != p.RealPath
                ? $"it is a symlink (or is in a symlinked folder) leading outside the workspace, to {p.RealPath}"
                : "it is outside the workspace");
        }

        if (ByRules(p) is { } held)
        {
            return held with { Display = display };
        }

        return Load(Workspace.Files, display, p.FullPath, maxBytes, checkLinks: true,
            opened => opened == p.RealPath && border.Contains(opened) ? null : $"it changed while it was being opened (now leads to {opened})");
    }

    /// <summary>Reads one of the person's own files (user config folder): trusted, but regular files only and capped; null when absent.</summary>
    public static ProjectFileRead? ReadOwn(IFileSystem files, string path, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path) ? Load(files, path, path, maxBytes, checkLinks: false, _ => null) : null;
    }

    /// <summary>The read rules on the path as written and where it really leads: the stricter decides; null when they let it be read.</summary>
    private ProjectFileRead? ByRules(WorkspacePath p)
    {
        if (policy is null)
        {
            return null;
        }

        var decision = new[] { p.FullPath, p.RealPath }.Distinct(StringComparer.Ordinal)
            .Select(full => policy.DecideRead(new PathAccess(RulePath(full), InsideWorkspace: true, p.Protected)))
            .Aggregate((a, b) => a.Strictest(b));
        return decision.Verdict switch
        {
            Verdict.Deny => new ProjectFileRead("", null, ProjectFileStatus.Refused, decision.Reason),
            Verdict.Ask => new ProjectFileRead("", null, ProjectFileStatus.Held,
                $"{decision.Reason}; nobody is asked at start (read_file can still read it with your approval)"),
            _ => null,
        };
    }

    private static ProjectFileRead Load(IFileSystem files, string display, string fullPath, int maxBytes, bool checkLinks, Func<string, string?> openedElsewhere)
    {
        try
        {
            using var handle = files.OpenRead(fullPath);
            if (files.NotRegular(handle, out var links) is { } notRegular)
            {
                return Refused(display, notRegular);
            }

            if (OperatingSystem.IsLinux() && openedElsewhere(files.OpenedPath(handle)) is { } moved)
            {
                return Refused(display, moved);
            }

            if (checkLinks && links > 1)
            {
                return Refused(display, $"it has {links} hard links, and another name for the same file may be outside the workspace (replace it with a copy)");
            }

            var bytes = CappedRead.Read(handle, maxBytes, out var truncated);
            var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
            return truncated
                ? new ProjectFileRead(display, text, ProjectFileStatus.Truncated, $"it is larger than {Size(maxBytes)}; only the first {Size(maxBytes)} were read")
                : new ProjectFileRead(display, text, ProjectFileStatus.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or WorkspaceException)
        {
            return Refused(display, $"it cannot be read: {e.Message}");
        }
    }

    private string RulePath(string fullPath) => Workspace.Contains(fullPath) ? Workspace.Relative(fullPath) : fullPath;

    private static ProjectFileRead Refused(string display, string reason) => new(display, null, ProjectFileStatus.Refused, reason);

    private static string Size(int bytes) => bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";
}
