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
    /// <summary>True while a running process holds the session's journal open.</summary>
    public static bool InUse(string journalDir, string session) => InUse(JournalFiles.PathOf(journalDir, session));

    /// <summary>
    /// Takes the journal folder's claim (an exclusive lock on <c>.continue.lock</c> in it, released on dispose or when
    /// the process ends), waiting a moment for another holder; null when another process keeps holding it.
    /// </summary>
    public static IDisposable? Claim(string journalDir)
    {
        var path = Path.Combine(journalDir, ".continue.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return Files.PrivateFiles.Open(path, FileMode.OpenOrCreate, FileShare.None, bufferSize: 0);
            }
            catch (IOException e) when (Files.FileLocks.IsContention(e) && attempt < 50)
            {
                Thread.Sleep(20);
            }
            catch (IOException e) when (Files.FileLocks.IsContention(e))
            {
                return null;
            }
        }
    }

    public static bool InUse(string path) => Files.FileLocks.IsHeld(path);
}
