using Sov.Core.Agent.Events;
using Sov.Core.Files.Checkpoints;

namespace Sov.Core.Agent;

/// <summary>
/// The session's undo, owned by the loop (#14): each turn's checkpoint is stored as the turn ends, and an <c>Undo</c>
/// submission restores the workspace's last turn from its checkpoint (<paramref name="umask"/>: the process's, for files it recreates).
/// </summary>
public sealed class SessionUndo(UndoRecorder recorder, int umask)
{
    private const int Listed = 20;

    public UndoRecorder Recorder { get; } = recorder ?? throw new ArgumentNullException(nameof(recorder));

    /// <summary>Stores the turn's changes (if any) for undo and starts afresh.</summary>
    public void EndTurn() => Recorder.EndTurn();

    /// <summary>Undoes the last turn and says how it went, with the note for the model.</summary>
    public UndoCompleted UndoLast()
    {
        UndoReport? report;
        try
        {
            // The store is the workspace's: its last turn may be another session's, perhaps still running there.
            report = Undo.Last(Recorder.Store, umask, Recorder.Session);
        }
        catch (SovException e)
        {
            return new UndoCompleted(UndoOutcome.Failed, [], [], [], null, $"{e.Message} {e.Remedy}");
        }

        return report is null
            ? new UndoCompleted(UndoOutcome.Nothing, [], [], [], null, null)
            : new UndoCompleted(UndoOutcome.Undone, report.Restored, report.Removed, report.Skipped, Note(report), null) { Report = report };
    }

    /// <summary>
    /// For a rewind (#17): undoes, newest first, this session's turns whose checkpoints were stored at or after
    /// <paramref name="since"/> (when the first rewound turn began). It stops at a newer turn of another session (or one
    /// whose session is unknown), which it leaves alone and says so in <paramref name="left"/>, as undo never destroys
    /// later work; each file changed again since is left as it is by <see cref="Undo.Last"/> and reported the same way.
    /// </summary>
    public IReadOnlyList<UndoReport> UndoSince(DateTimeOffset since, List<string> left)
    {
        ArgumentNullException.ThrowIfNull(left);
        var reports = new List<UndoReport>();
        while (Recorder.Store.Latest() is { } latest && latest.CreatedUtc >= since)
        {
            if (latest.Session is null || latest.Session != Recorder.Session)
            {
                left.Add($"the files of the rewound turns (a newer turn of session {latest.Session ?? "unknown"} is in the way; use /undo there first)");
                break;
            }

            try
            {
                reports.Add(Undo.Last(Recorder.Store, umask, Recorder.Session) ?? throw new InvalidOperationException("the checkpoint vanished"));
            }
            catch (Exception e) when (e is SovException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                left.Add($"the files of the older rewound turns ({PlainErrors.Describe(e)})");
                break;
            }
        }

        return reports;
    }

    /// <summary>The files this session's turns stored at or after <paramref name="since"/> changed (a rewind that leaves files: the model is told).</summary>
    public IReadOnlyList<string> ChangedSince(DateTimeOffset since) =>
        [.. Recorder.Store.Manifests().Where(m => m.CreatedUtc >= since && m.Session == Recorder.Session)
            .SelectMany(m => m.Entries.Select(e => e.Path)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Undoes the workspace's last turn (<see cref="Undo.Last"/>) and says which checkpoint it was, for the journal; null when there is none.</summary>
    public static UndoReport? Last(CheckpointStore store, int umask)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Undo.Last(store, umask); // the report names the manifest it restored
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

    private static string List(IReadOnlyList<string> items) =>
        string.Join(", ", items.Take(Listed)) + (items.Count > Listed ? $" and {items.Count - Listed} more" : "");
}
