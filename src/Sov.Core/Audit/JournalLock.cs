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
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int WouldBlock = 11; // EWOULDBLOCK (EAGAIN) on Linux: the runtime reports flock's errno

    /// <summary>True while a running process holds the session's journal open.</summary>
    public static bool InUse(string journalDir, string session) => InUse(JournalFiles.PathOf(journalDir, session));

    public static bool InUse(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, bufferSize: 1);
            return false;
        }
        catch (IOException e) when (e.HResult is SharingViolation or WouldBlock)
        {
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // absent or unreadable: not held by a session
        }
    }
}
