using Sov.Core.Agent;
using Sov.Core.Audit;
using Sov.Core.Audit.Records;
using Sov.Core.Files.Checkpoints;
using Sov.Core.Sessions;

namespace Sov.Cli.Session;

/// <summary>
/// An undo is journaled and the model told (#14): <c>/undo</c> and <c>sov undo</c> write an <c>undo</c> record (paths,
/// hashes before and after) and save a short note in the session file, which the next prompt carries (in this
/// process, or in the one that continues the session), so the model does not rely on content that is gone.
/// </summary>
internal static class UndoNotes
{
    /// <summary>Undoes the workspace's last turn (<see cref="SessionUndo.Last"/>) with the process's umask; null when there is none.</summary>
    public static UndoReport? UndoLast(CheckpointStore store) => SessionUndo.Last(store, Sov.Borders.Processes.ProcessUmask.Current());

    /// <summary>The note for the model (<see cref="SessionUndo.Note"/>).</summary>
    public static string Note(UndoReport report) => SessionUndo.Note(report);

    /// <summary>Journals the undo and saves its note in the session file; returns the note.</summary>
    public static string Record(Journal journal, SessionFile? file, UndoReport report, string by)
    {
        ArgumentNullException.ThrowIfNull(journal);
        journal.Append(new UndoRecord(by, report));
        var note = Note(report);
        file?.AppendNote(note);
        return note;
    }

    /// <summary>The notes before a prompt, joined (null when there are none).</summary>
    public static string? Join(params IEnumerable<string?> notes) =>
        notes.OfType<string>().ToList() is { Count: > 0 } some ? string.Join("\n\n", some) : null;

}
