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
    private const int Listed = 20;

    /// <summary>Undoes the workspace's last turn (<see cref="Undo.Last"/>) and says which checkpoint it was, for the journal; null when there is none.</summary>
    public static UndoReport? UndoLast(CheckpointStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var manifest = store.Latest();
        return Undo.Last(store, Sov.Borders.Processes.ProcessUmask.Current())?.With(manifest);
    }

    /// <summary>The note for the model: which files the undo restored or removed, and which it left alone.</summary>
    public static string Note(UndoReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var turn = report.Turn is { } t ? $" (turn {t[..Math.Min(8, t.Length)]})" : "";
        var parts = new List<string>();
        if (report.Restored.Count > 0)
        {
            parts.Add($"restored {List(report.Restored)} to their content before that turn");
        }

        if (report.Removed.Count > 0)
        {
            parts.Add($"removed {List(report.Removed)} (that turn created them)");
        }

        if (report.Skipped.Count > 0)
        {
            parts.Add($"left {List(report.Skipped)} as they are");
        }

        return $"[Sovereign: the person undid the last turn's file changes{turn}: {(parts.Count == 0 ? "no file changed" : string.Join("; ", parts))}. " +
            "Read these files again before relying on what you knew of them.]";
    }

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

    private static string List(IReadOnlyList<string> items) =>
        string.Join(", ", items.Take(Listed)) + (items.Count > Listed ? $" and {items.Count - Listed} more" : "");
}
