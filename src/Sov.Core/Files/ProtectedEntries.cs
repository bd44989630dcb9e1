using Sov.Core.Files.Walk;

namespace Sov.Core.Files;

/// <summary>
/// Finds the protected entries (<see cref="ProtectedPaths"/>) that exist anywhere in a workspace, for the
/// sandbox to re-bind read-only before each command: one walk of names only, without following symlinks and
/// without descending into a protected folder (it is bound whole). A symlink with a protected name is listed
/// too: the sandbox binds where it leads. Where git keeps a repository's files elsewhere in the workspace
/// (a <c>.git</c> file's <c>gitdir:</c>, a <c>commondir</c>), that folder is listed as well.
/// </summary>
public static class ProtectedEntries
{
    /// <summary>Absolute paths of the protected entries under <paramref name="root"/>, sorted, each once.</summary>
    public static IReadOnlyList<string> Find(IFileSystem files, string root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var walk = new TreeWalker(files).Walk(TreeWalker.Shown(root), "", ignores: null, static e => !IsProtected(e.Name), unreadable: null, cancellationToken);
        foreach (var entry in walk)
        {
            if (!IsProtected(entry.Name))
            {
                continue;
            }

            // Under a name that is not UTF-8 the path stays as shown: binding it fails the command (closed), it is never left out.
            var path = entry.TextPath ?? entry.FullPath;
            found.Add(path);
            if (string.Equals(entry.Name, ".git", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var elsewhere in GitFoldersBehind(path, root))
                {
                    found.Add(elsewhere);
                }
            }
        }

        return [.. found];
    }

    private static bool IsProtected(string name) => ProtectedPaths.IsProtectedName(name.TrimEnd(' ', '.'));

    /// <summary>
    /// The repository folders a <c>.git</c> entry leads to inside the workspace: the <c>gitdir:</c> of a
    /// <c>.git</c> file, and the <c>commondir</c> of that folder or of a <c>.git</c> folder.
    /// </summary>
    private static IEnumerable<string> GitFoldersBehind(string dotGit, string root)
    {
        var gitDir = dotGit;
        if (File.Exists(dotGit) && ReadPointer(dotGit, "gitdir:") is { } target)
        {
            gitDir = Path.GetFullPath(target, Path.GetDirectoryName(dotGit)!);
            if (Inside(gitDir, root) && Directory.Exists(gitDir))
            {
                yield return gitDir;
            }
        }

        var commonFile = Path.Combine(gitDir, "commondir");
        if (File.Exists(commonFile) && ReadPointer(commonFile, "") is { } common)
        {
            var commonDir = Path.GetFullPath(common, gitDir);
            if (Inside(commonDir, root) && Directory.Exists(commonDir))
            {
                yield return commonDir;
            }
        }
    }

    private static string? ReadPointer(string file, string prefix)
    {
        try
        {
            using var reader = new StreamReader(file);
            var buffer = new char[4096];
            var text = new string(buffer, 0, reader.ReadBlock(buffer));
            var line = text.Split('\n')[0].Trim();
            return line is { Length: > 0 } && line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..].Trim() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool Inside(string path, string root) =>
        path.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal);
}
