namespace Sov.Core.Audit;

/// <summary>
/// Marks a session's journal as open in a running process (#14): an exclusive lock on
/// <c>journal/locks/SESSION.lock</c>, held while the journal is open and released by the system when the process
/// ends, even by a kill. A continuation, <c>sov undo</c> or <c>--repair</c> that finds it held leaves the journal
/// alone: an unsealed journal whose lock is free belongs to a session that crashed; one whose lock is held is live.
/// The empty lock files stay (removing one would race another process opening it).
/// </summary>
public sealed class JournalLock : IDisposable
{
    private readonly FileStream _stream;

    private JournalLock(FileStream stream) => _stream = stream;

    public static string PathOf(string journalDir, string session) => Path.Combine(journalDir, "locks", session + ".lock");

    /// <summary>Takes the session's lock, or returns null when another open journal holds it.</summary>
    public static JournalLock? TryTake(string journalDir, string session)
    {
        var path = PathOf(journalDir, session);
        try
        {
            Files.PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
            return new JournalLock(Files.PrivateFiles.Open(path, FileMode.OpenOrCreate, FileShare.None, bufferSize: 0));
        }
        catch (IOException e) when (File.Exists(path) && !StateWriteException.IsDiskFull(e))
        {
            return null;
        }
        catch (IOException e)
        {
            throw StateWriteException.For(e, "journal", journalDir);
        }
    }

    /// <summary>True while a running session holds the lock (it is released again at once).</summary>
    public static bool InUse(string journalDir, string session)
    {
        if (!File.Exists(PathOf(journalDir, session)))
        {
            return false;
        }

        try
        {
            using var taken = TryTake(journalDir, session);
            return taken is null;
        }
        catch (Exception e) when (e is StateWriteException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose() => _stream.Dispose();
}
