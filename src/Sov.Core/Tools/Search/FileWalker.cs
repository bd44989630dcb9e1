using Sov.Core.Files;
using Sov.Core.Files.Ignore;
using Sov.Core.Files.Walk;

namespace Sov.Core.Tools.Search;

/// <summary>
/// The files grep and glob look at: a <see cref="TreeWalker"/> walk of a folder inside the workspace, depth-first
/// in name order, skipping .git, ignored paths (the same .gitignore engine as <c>sov scan</c>: the workspace
/// root's .gitignore and .git/info/exclude, then each folder's own) and symbolic links to folders (they could
/// lead out of the workspace). Yields files as paths relative to the workspace root with '/' separators; a name
/// that is not UTF-8 is walked and shown in <see cref="FileNames"/>' escape, and a folder that cannot be listed
/// is skipped: one odd entry never ends the walk (issue #13 item 6).
/// </summary>
public static class FileWalker
{
    public static IEnumerable<string> Files(IFileSystem files, string root, string startRelative, CancellationToken cancellationToken)
    {
        var relative = startRelative is "." ? "" : startRelative;
        var parts = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var ignores = IgnoreStack.Empty;
        var directory = root;
        foreach (var part in parts)
        {
            ignores = ignores.Enter(directory);
            directory = Path.Join(directory, part);
        }

        return new TreeWalker(files).Walk(directory, relative, ignores, static e => e.Name != ".git", unreadable: null, cancellationToken)
            .Where(static e => !e.Entry.IsFolder && e.Name != ".git")
            .Select(static e => e.Relative);
    }
}
