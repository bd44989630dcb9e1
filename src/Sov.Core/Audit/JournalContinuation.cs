using Sov.Core.Audit.Records;

namespace Sov.Core.Audit;

/// <summary>
/// Continues a session's journal with a new segment (#14): <c>--continue</c>, <c>--resume ID</c> and <c>sov undo</c>
/// append to the journal the session already has, never to a new unlinked file. A session still
/// running elsewhere is refused (<see cref="JournalLock"/>); the chain is checked first; a journal that
/// crashed unsealed is sealed <c>repaired</c> first, saying so (as <c>sov audit verify --repair</c> would); a journal
/// that does not verify is refused and left as found. The new segment opens with a <c>resume</c> record chained to
/// the earlier seal. A session with no journal yet (saved before journals shared its id) gets one under its id.
/// </summary>
internal static class JournalContinuation
{
    public const string ResumedNote = "the session ended without a seal (crashed or killed); sealed when it was continued";

    public static Journal Open(string journalDir, string session, SessionInfo info, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(info);
        Journal.CreateFolder(journalDir);
        var path = JournalFiles.PathOf(journalDir, session);

        // Two continuations of one session at once could both find it not running and both reopen it (a running
        // session holds only a shared lock): the check and the reopen happen under one claim per journal folder.
        using var claim = JournalLock.Claim(journalDir)
            ?? throw InUseElsewhere(session);
        if (JournalLock.InUse(path))
        {
            throw InUseElsewhere(session);
        }

        if (!File.Exists(path))
        {
            return Journal.TryCreate(journalDir, session, info, clock)
                ?? throw new StateWriteException($"cannot start the journal of session {session}: the file appeared meanwhile.", "Try again.", null);
        }

        var check = JournalVerifier.Verify(session, File.ReadAllBytes(path));
        if (check.Repairable)
        {
            JournalRepair.Repair(path, clock, ResumedNote);
            check = JournalVerifier.Verify(session, File.ReadAllBytes(path));
        }

        var named = JournalContents.SessionNamed(File.ReadAllBytes(path));
        if (!check.Intact || !check.Sealed || named != session)
        {
            var why = check.Problem ?? $"its session record names {named}";
            throw new UnverifiedJournalException($"The journal of session {session} does not verify ({why}): it is not continued, and stays as found.",
                $"Run 'sov audit verify {session}' to see why, and start a new session ('sov' or 'sov exec' without --continue).");
        }

        var journal = Journal.Reopen(path, session, check.Records, check.HeadHash, new FileInfo(path).Length, clock);
        try
        {
            journal.Append(new ResumeRecord(session, check.Segments + 1, info));
        }
        catch (StateWriteException)
        {
            journal.Abandon();
            throw;
        }

        return journal;
    }

    private static SovException InUseElsewhere(string session) =>
        new($"Session {session} is open in another Sovereign process: it is not continued here.",
            "Finish it there first, or start a new session.", ExitCodes.Failed);
}
