using Sov.Core.Files;
using Sov.Core.Files.Ignore;

namespace Sov.Core.Tools.Search;

/// <summary>
/// Walks a folder inside the workspace, depth-first in name order, skipping .git, ignored paths (the same
/// .gitignore engine as <c>sov scan</c>: the workspace root's .gitignore and .git/info/exclude, then each
/// folder's own) and symbolic links to folders (they could lead out of the workspace).
/// Yields files as paths relative to the workspace root with '/' separators. Folders are listed as bytes by the
/// file border, so a name that is not UTF-8 is walked and shown in <see cref="FileNames"/>' escape, and a folder that
/// cannot be listed is skipped: one odd entry never ends the walk (issue #13 item 6).
/// </summary>
public static class FileWalker
{
    public static IEnumerable<string> Files(IFileSystem files, string root, string startRelative, CancellationToken cancellationToken)
    {
        var ignores = IgnoreStack.Empty.Enter(root);
        var directory = root;
        var relative = startRelative is "." ? "" : startRelative;
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            directory = Path.Join(directory, part);
            ignores = ignores.Enter(directory);
        }

        return Walk(files, root, relative, ignores, cancellationToken);
    }

    private static IEnumerable<string> Walk(IFileSystem files, string root, string relativeDir, IgnoreStack ignores, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var dir = relativeDir.Length == 0 ? root : Path.Join(root, relativeDir);
        FolderEntry[] entries;
        try
        {
            entries = [.. files.List(dir)];
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            yield break;
        }

        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            var relative = relativeDir.Length == 0 ? entry.Name : relativeDir + "/" + entry.Name;
            var isDir = entry.IsFolder;
            var full = Path.Join(dir, entry.Name);
            if (entry.Name == ".git" || ignores.IsIgnored(full, entry.Name, isDir))
            {
                continue;
            }

            if (isDir)
            {
                if (entry.IsLink)
                {
                    continue;
                }

                foreach (var file in Walk(files, root, relative, ignores.Enter(full), cancellationToken))
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
