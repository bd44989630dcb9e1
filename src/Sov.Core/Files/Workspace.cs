namespace Sov.Core.Files;

/// <summary>
/// The file border. The root is fixed when the session starts (never chosen by the model); every path a
/// tool names is resolved against it and refused if it leads outside. <c>/w/proj-evil</c> is not inside
/// <c>/w/proj</c>: containment compares whole path components.
/// (The file-border issue hardens this: symlink checks at open, protected paths, atomic writes.)
/// </summary>
public sealed class Workspace
{
    public Workspace(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var full = Path.GetFullPath(root);
        Root = Path.TrimEndingDirectorySeparator(new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full);
    }

    /// <summary>The canonical absolute root, without a trailing separator.</summary>
    public string Root { get; }

    /// <summary>True when <paramref name="fullPath"/> is the root or below it, by whole components.</summary>
    public bool Contains(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var p = Path.TrimEndingDirectorySeparator(Path.GetFullPath(fullPath));
        return p == Root || p.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>The absolute path for a tool argument (relative to the root, or absolute); throws when outside.</summary>
    public string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new WorkspaceException($"Path contains a NUL character: {path}");
        }

        var full = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? "." : path, Root);
        if (!Contains(full))
        {
            throw new WorkspaceException($"Path is outside the workspace {Root}: {path}");
        }

        return Path.TrimEndingDirectorySeparator(full);
    }

    /// <summary>The path relative to the root, with '/' separators ("." for the root itself).</summary>
    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
}
