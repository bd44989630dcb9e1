namespace Sov.Core.Tools.Search;

/// <summary>
/// Walks a folder inside the workspace, depth-first in name order, skipping .git, ignored paths
/// (.gitignore-aware) and symbolic links to folders (they could lead out of the workspace).
/// Yields files as paths relative to the workspace root with '/' separators.
/// </summary>
public static class FileWalker
{
    public static IEnumerable<string> Files(string root, string startRelative, CancellationToken cancellationToken)
    {
        var ignore = GitIgnore.ForRoot(root);
        var parts = startRelative is "." or "" ? [] : startRelative.Split('/');
        var prefix = "";
        foreach (var part in parts)
        {
            prefix = prefix.Length == 0 ? part : prefix + "/" + part;
            ignore = ignore.Descend(root, prefix);
        }

        return Walk(root, startRelative is "." ? "" : startRelative, ignore, cancellationToken);
    }

    private static IEnumerable<string> Walk(string root, string relativeDir, GitIgnore ignore, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var dir = new DirectoryInfo(relativeDir.Length == 0 ? root : Path.Combine(root, relativeDir));
        FileSystemInfo[] entries;
        try
        {
            entries = dir.GetFileSystemInfos();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            yield break;
        }

        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            var relative = relativeDir.Length == 0 ? entry.Name : relativeDir + "/" + entry.Name;
            var isDir = entry is DirectoryInfo;
            if (entry.Name == ".git" || ignore.IsIgnored(relative, isDir))
            {
                continue;
            }

            if (isDir)
            {
                if (entry.LinkTarget is not null)
                {
                    continue;
                }

                foreach (var file in Walk(root, relative, ignore.Descend(root, relative), cancellationToken))
                {
                    yield return file;
                }
            }
            else
            {
                yield return relative;
            }
        }
    }
}
