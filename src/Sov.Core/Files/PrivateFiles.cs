using Sov.Core.Files.Walk;

namespace Sov.Core.Files;

/// <summary>
/// Sovereign's own state (config, sessions, history, journal, request bodies, checkpoints, caches) is the
/// person's alone: folders are created 0700 and files 0600, whatever the umask, and folders found open to
/// others are tightened (<see cref="Tighten"/>), with a notice.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode Folder700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOther = (UnixFileMode)0b000_111_111;

    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only: create each missing one.
        var missing = new Stack<string>();
        for (var dir = Path.GetFullPath(path); !Directory.Exists(dir); dir = Path.GetDirectoryName(dir)!)
        {
            missing.Push(dir);
        }

        while (missing.TryPop(out var dir))
        {
            Directory.CreateDirectory(dir, Folder700);
        }
    }

    /// <summary>A file stream for writing; a file it creates is 0600.</summary>
    public static FileStream Open(string path, FileMode mode, FileShare share, int bufferSize = 4096)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = share, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows() && mode is not (FileMode.Open or FileMode.Truncate))
        {
            options.UnixCreateMode = File600;
        }

        return new FileStream(path, options);
    }

    /// <summary>
    /// Removes group and other permissions from <paramref name="roots"/> and, when a root was open, from
    /// everything under it (symlinks are not followed). Returns how many entries were changed.
    /// </summary>
    public static int Tighten(IFileSystem files, IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        if (OperatingSystem.IsWindows())
        {
            return 0;
        }

        var changed = 0;
        foreach (var root in roots.Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            if ((File.GetUnixFileMode(root) & GroupOrOther) == 0)
            {
                continue; // a closed folder keeps what is inside it private whatever the entries' own bits
            }

            changed += TightenOne(root);
            foreach (var entry in new TreeWalker(files).Walk(TreeWalker.Shown(root), "", ignores: null, static _ => true, unreadable: null, CancellationToken.None))
            {
                if (!entry.Entry.IsLink && entry.TextPath is { } path)
                {
                    changed += TightenOne(path);
                }
            }
        }

        return changed;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static int TightenOne(string path)
    {
        try
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOther) == 0)
            {
                return 0;
            }

            File.SetUnixFileMode(path, mode & ~GroupOrOther);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
