namespace Sov.Core.Audit;

/// <summary>
/// Tells a running session's journal from one whose process is gone (#14). A session keeps its journal open for
/// writing while it runs, and that handle holds a shared lock on the file (the runtime's <c>flock</c>, released by the
/// system when the process ends, even by a kill); readers take the same shared lock. An exclusive lock that cannot be
/// had therefore means a live writer (or a reader at that very moment): a continuation, <c>sov undo</c> or
/// <c>--repair</c> then leaves the journal alone, so an unsealed journal is sealed <c>repaired</c> only when its session crashed.
/// </summary>
public static class JournalLock
{
    private const int WaitMilliseconds = 20;

    /// <summary>True while a running process holds the session's journal open.</summary>
    public static bool InUse(string journalDir, string session) => InUse(JournalFiles.PathOf(journalDir, session));

    /// <summary>
    /// Takes the journal folder's claim (an exclusive lock on <c>.continue.lock</c> in it, released on dispose or when
    /// the process ends), waiting a moment for another holder; null when another process keeps holding it.
    /// </summary>
    public static IDisposable? Claim(string journalDir) => Take(Path.Combine(journalDir, ".continue.lock"), 50);

    /// <summary>
    /// Takes the folder's start lock (<c>.start.lock</c>, #20): a session start reads the anchor, creates its journal and
    /// moves the anchor under it. Waits up to about 10 s for other starts; null when the lock stays held that long.
    /// </summary>
    public static IDisposable? ClaimStart(string journalDir)
    {
        var path = Path.Combine(journalDir, ".start.lock");
        if (!File.Exists(path))
        {
            Create(path);
        }

        // Opened, never created, here: a lock file created by this open while another start's creation was renaming its
        // own into place would be replaced under its holder, and two starts would each hold "the" lock (found in CI:
        // concurrent first starts each began a chain of their own).
        return Take(path, 500, FileMode.Open);
    }

    public static bool InUse(string path) => Files.FileLocks.IsHeld(path);

    /// <summary>
    /// Creates the start lock with a line in it. O_EXCL, never a rename: a rename (what <see cref="AppendOnlyFile.TryCreate"/>
    /// does) could replace a lock file another start had just made and locked, and two starts would each hold "the" lock
    /// (CI: concurrent first starts each began a chain of their own). A line that cannot be written (a full disk) takes
    /// the file away again, so no empty file is left behind (#13.1); the start then fails saying why.
    /// </summary>
    private static void Create(string path)
    {
        FileStream created;
        try
        {
            created = Files.PrivateFiles.Open(path, FileMode.CreateNew, FileShare.ReadWrite, bufferSize: 0);
        }
        catch (IOException) when (File.Exists(path))
        {
            return; // another start made it
        }

        using (created)
        {
            try
            {
                created.Write("sov journal start lock (#20)\n"u8);
                created.Flush(flushToDisk: true);
                return;
            }
            catch (IOException e)
            {
                created.Dispose();
                File.Delete(path);
                throw StateWriteException.For(e, "journal", Path.GetDirectoryName(path)!);
            }
        }
    }

    private static FileStream? Take(string path, int attempts, FileMode mode = FileMode.OpenOrCreate)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return Files.PrivateFiles.Open(path, mode, FileShare.None, bufferSize: 0);
            }
            catch (IOException e) when (Files.FileLocks.IsContention(e) && attempt < attempts)
            {
                Thread.Sleep(WaitMilliseconds);
            }
            catch (IOException e) when (Files.FileLocks.IsContention(e))
            {
                return null;
            }
        }
    }
}
