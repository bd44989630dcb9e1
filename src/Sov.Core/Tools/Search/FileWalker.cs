using Sov.Core.Files.Ignore;

namespace Sov.Core.Tools.Search;

/// <summary>
/// Walks a folder inside the workspace, depth-first in name order, skipping .git, ignored paths (the same
/// .gitignore engine as <c>sov scan</c>: the workspace root's .gitignore and .git/info/exclude, then each
/// folder's own) and symbolic links to folders (they could lead out of the workspace).
/// Yields files as paths relative to the workspace root with '/' separators.
/// </summary>
public static class FileWalker
{
    public static IEnumerable<string> Files(string root, string startRelative, CancellationToken cancellationToken)
    {
        var ignores = IgnoreStack.Empty.Enter(root);
        var directory = root;
        var relative = startRelative is "." ? "" : startRelative;
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            directory = Path.Join(directory, part);
            ignores = ignores.Enter(directory);
        }

        return Walk(root, relative, ignores, cancellationToken);
    }

    private static IEnumerable<string> Walk(string root, string relativeDir, IgnoreStack ignores, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var dir = new DirectoryInfo(relativeDir.Length == 0 ? root : Path.Join(root, relativeDir));
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
            if (entry.Name == ".git" || ignores.IsIgnored(entry.FullName, entry.Name, isDir))
            {
                continue;
            }

            if (isDir)
            {
                if (entry.LinkTarget is not null)
                {
                    continue;
                }

                foreach (var file in Walk(root, relative, ignores.Enter(entry.FullName), cancellationToken))
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
