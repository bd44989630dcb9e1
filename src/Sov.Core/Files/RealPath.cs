namespace Sov.Core.Files;

/// <summary>
/// Where a path really leads: every existing component's symlinks resolved (relative targets against
/// their folder), the part that does not exist yet appended as is. Loops are cut after 40 links, as the
/// kernel does (ELOOP). Names are in <see cref="FileNames"/>' escape, so links with names that are not UTF-8 are followed too.
/// </summary>
public static class RealPath
{
    public static string Resolve(string fullPath, IFileSystem files)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        ArgumentNullException.ThrowIfNull(files);
        var pending = new Stack<string>(Split(fullPath).Reverse());
        var current = "/";
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }

            var candidate = Path.Join(current, part);
            var target = files.ReadLink(candidate);
            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++links > 40)
            {
                throw new WorkspaceException($"Too many levels of symbolic links in {fullPath}.");
            }

            if (Path.IsPathRooted(target))
            {
                current = "/";
            }

            foreach (var p in Split(target).Reverse())
            {
                pending.Push(p);
            }
        }

        return current;
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
