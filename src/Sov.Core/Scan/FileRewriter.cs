namespace Sov.Core.Scan;

/// <summary>Atomic replace: write a sibling temporary file with the same mode, flush to disk, rename over the original (or create it, with <c>create</c>).</summary>
internal static class FileRewriter
{
    public static void Replace(string path, ReadOnlySpan<byte> content, bool create = false)
    {
        if (create && !File.Exists(path))
        {
            Write(path, content, keepMode: false);
            return;
        }

        Write(path, content, keepMode: true);
    }

    private static void Write(string path, ReadOnlySpan<byte> content, bool keepMode)
    {
        if (keepMode && new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            path = target.FullName; // fix the file a symlink points at, keep the link
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Join(directory, $".{Path.GetFileName(path)}.sov-fix-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (keepMode && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
