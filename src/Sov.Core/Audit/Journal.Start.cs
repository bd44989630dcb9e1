using Sov.Core.Audit.Records;

namespace Sov.Core.Audit;

/// <summary>How a session's journal comes into being: whole, under a free id, chained to the folder's previous session (#20).</summary>
public sealed partial class Journal
{
    private const int MaxIdAttempts = 64;

    /// <summary>
    /// Starts a new session journal: the file appears with its opening <c>session</c> record whole, or not at
    /// all, under a session id no other session in the folder has (#13.3), chained to the session that started
    /// before it in the folder (<see cref="JournalAnchor"/>, #20).
    /// </summary>
    public static Journal Start(string journalDir, SessionInfo info, TimeProvider? clock = null) => Start(journalDir, info, clock, null, null);

    /// <summary>As above, drawing again while <paramref name="taken"/> says an id is used elsewhere (the session file beside it shares the id, #14).</summary>
    public static Journal Start(string journalDir, SessionInfo info, TimeProvider? clock, Func<string, bool> taken) => Start(journalDir, info, clock, null, null, taken);

    /// <param name="wrap">Tests wrap the file stream to inject write failures.</param>
    /// <param name="newId">Tests draw colliding ids.</param>
    /// <param name="taken">Ids used elsewhere (the sessions folder).</param>
    internal static Journal Start(string journalDir, SessionInfo info, TimeProvider? clock, Func<Stream, Stream>? wrap, Func<DateTimeOffset, string>? newId = null,
        Func<string, bool>? taken = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        clock ??= TimeProvider.System;
        CreateFolder(journalDir);
        using var claim = ClaimStart(journalDir);
        var after = JournalAnchor.Predecessor(journalDir);
        for (var attempt = 0; attempt < MaxIdAttempts; attempt++)
        {
            var session = (newId ?? JournalFiles.NewSessionId)(clock.GetUtcNow());
            if (taken?.Invoke(session) != true && Create(journalDir, session, info, clock, after, wrap) is { } journal)
            {
                return journal;
            }
        }

        throw new StateWriteException($"cannot start a journal in {journalDir}: {MaxIdAttempts} new session ids were all taken.",
            "Check what is creating files in that folder.", null);
    }

    /// <summary>
    /// Continues a session's journal with a new segment (#14), see <see cref="JournalContinuation"/>.
    /// </summary>
    public static Journal Continue(string journalDir, string session, SessionInfo info, TimeProvider? clock = null) =>
        JournalContinuation.Open(journalDir, session, info, clock ?? TimeProvider.System);

    /// <summary>Opens a journal whose chain was just checked to end in a seal after <paramref name="seq"/> records.</summary>
    internal static Journal Reopen(string path, string session, long seq, string prev, long length, TimeProvider clock) =>
        new(Path.GetDirectoryName(path)!, session, AppendOnlyFile.Open(path, length, "journal"), clock, seq, prev);

    /// <summary>Creates a session's journal under a given id (a session saved before journals shared its id); null when the name is taken.</summary>
    internal static Journal? TryCreate(string journalDir, string session, SessionInfo info, TimeProvider clock)
    {
        using var claim = ClaimStart(journalDir);
        return Create(journalDir, session, info, clock, JournalAnchor.Predecessor(journalDir), null);
    }

    /// <summary>Under the start lock: the file with its chained session record, then the anchor moved to it.</summary>
    private static Journal? Create(string journalDir, string session, SessionInfo info, TimeProvider clock, ChainLink? after, Func<Stream, Stream>? wrap)
    {
        var line = Line(1, clock, new SessionRecord(session, info) { Chained = true, After = after }, ChainHash.Genesis, out var hash);
        if (AppendOnlyFile.TryCreate(JournalFiles.PathOf(journalDir, session), line, "journal", wrap) is not { } file)
        {
            return null;
        }

        var journal = new Journal(journalDir, session, file, clock, 1, hash);
        try
        {
            JournalAnchor.Write(journalDir, session, hash);
        }
        catch (StateWriteException)
        {
            // The anchor still names the session before: a journal left here would follow it too, a fork that
            // 'verify --all' reports for good, and an unsealed session. Nothing but its first record is in it: it goes.
            journal.Abandon();
            try
            {
                File.Delete(journal.FilePath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // left as it is: verify --all names the fork it makes
            }

            throw;
        }

        return journal;
    }

    private static IDisposable ClaimStart(string journalDir) =>
        JournalLock.ClaimStart(journalDir)
        ?? throw new StateWriteException($"cannot start a journal in {journalDir}: another Sovereign process kept its start lock (.start.lock) for 10 seconds.",
            "Try again; if it persists, check for a hung 'sov' process.", null);
}
