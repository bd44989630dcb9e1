using Sov.Borders.FileSystem;
using System.CommandLine;
using Sov.Cli.Audit;
using Sov.Cli.Session;
using Sov.Cli.Terminal;
using Sov.Core;
using Sov.Core.Audit;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;
using Sov.Core.Sessions;

namespace Sov.Cli.Commands;

/// <summary>
/// <c>sov undo</c>: restores the files the last turn in this workspace changed (by tools, and by shell
/// commands where their content was captured) and says what it restored. Run again to go further back.
/// A turn whose process was killed mid-turn is recovered first, so it is the one undone (#13.7).
/// The undo is journaled (#14) in the journal of the session the turn belonged to, as a new segment (a new
/// <c>undo</c> journal for a checkpoint that names no session), and saved as a note in its session file, so the
/// model is told with the next prompt of that session; a session still running elsewhere is left to its own /undo.
/// </summary>
internal static class UndoCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("undo", "Undo the file changes of the last turn");
        command.SetAction(async (_, _) =>
        {
            var workspace = new Workspace(Directory.GetCurrentDirectory(), new NativeFileSystem());
            var store = new CheckpointStore(context.Paths.StateDir, workspace);
            foreach (var turn in store.RecoverInterrupted())
            {
                await context.Out.WriteLineAsync($"Found a turn that was interrupted before it finished (Sovereign was stopped); it changed {turn.Paths.Count} file(s).").ConfigureAwait(false);
            }

            var latest = store.Latest();
            var interrupted = latest?.Interrupted == true;
            if (latest is null)
            {
                await context.Out.WriteLineAsync($"Nothing to undo in {workspace.Root}.").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            using var journal = OpenJournal(context, workspace, latest.Session);
            var report = UndoNotes.UndoLast(store);
            if (report is null)
            {
                await context.Out.WriteLineAsync($"Nothing to undo in {workspace.Root}.").ConfigureAwait(false);
                journal.Finish(ExitCodes.Ok);
                return ExitCodes.Ok;
            }

            RecordUndo(context, journal, report, latest.Session);
            foreach (var path in report.Restored)
            {
                await context.Out.WriteLineAsync($"restored  {TerminalSafe.Line(path)}").ConfigureAwait(false);
            }

            foreach (var path in report.Removed)
            {
                await context.Out.WriteLineAsync($"removed   {TerminalSafe.Line(path)} (the turn created it)").ConfigureAwait(false);
            }

            foreach (var line in report.Skipped)
            {
                await context.Out.WriteLineAsync($"left      {TerminalSafe.Line(line)}").ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync(
                $"Undid the last turn{(interrupted ? " (interrupted)" : "")}: {report.Restored.Count} restored, {report.Removed.Count} removed, {report.Skipped.Count} left alone.").ConfigureAwait(false);
            var exit = report.Skipped.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
            journal.Finish(exit);
            return exit;
        });
        return command;
    }

    /// <summary>The journal the undo goes to, opened before any file is touched: Sovereign does not act unjournaled.</summary>
    private static SessionJournal OpenJournal(CliContext context, Workspace workspace, string? session)
    {
        var info = SessionJournal.Info(context, "undo", workspace.Root, "(none)", "(none)", "none");
        var borders = BorderConfig.From(context.Config(workspace));
        var known = session is not null && File.Exists(SessionFile.PathOf(context.Paths.SessionsDir, session));
        if (known && JournalLock.InUse(context.Paths.JournalDir, session!))
        {
            throw new SovException($"The last turn belongs to session {session}, which is still running: nothing was undone.",
                "Type /undo in that session, or end it first and run 'sov undo' again.", ExitCodes.Failed);
        }

        if (!known)
        {
            return SessionJournal.Start(context, borders, info);
        }

        try
        {
            return SessionJournal.Start(context, borders, info, session);
        }
        catch (UnverifiedJournalException)
        {
            // That journal is left as found (it does not verify); the undo gets a journal of its own, naming the turn's session.
            return SessionJournal.Start(context, borders, info);
        }
    }

    /// <summary>Journals the undo, and tells the turn's session (when its file is here) with a note for its next prompt.</summary>
    private static void RecordUndo(CliContext context, SessionJournal journal, UndoReport report, string? session)
    {
        var path = session is null ? null : SessionFile.PathOf(context.Paths.SessionsDir, session);
        if (path is null || !File.Exists(path))
        {
            UndoNotes.Record(journal.Journal, null, report, "sov undo");
            return;
        }

        var (file, _) = SessionFile.Resume(path, journal.Redactor);
        using (file)
        {
            UndoNotes.Record(journal.Journal, file, report, "sov undo");
        }
    }
}
