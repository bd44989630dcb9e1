namespace Sov.Core.Files.Checkpoints;

/// <summary>What <c>sov undo</c> did: files restored, removed (created by the turn), and left alone with why.</summary>
public sealed record UndoReport(IReadOnlyList<string> Restored, IReadOnlyList<string> Removed, IReadOnlyList<string> Skipped)
{
    /// <summary>Each file restored or removed with the SHA-256 it had and the one it has now (null: absent), for the journal (#14).</summary>
    public IReadOnlyList<UndoneFile> Changes { get; init; } = [];

    /// <summary>The turn undone and its session, as its checkpoint names them (null for older checkpoints).</summary>
    public string? Turn { get; init; }

    public string? Session { get; init; }

    /// <summary>True when the turn undone had been interrupted (its process was stopped mid-turn).</summary>
    public bool Interrupted { get; init; }

    /// <summary>
    /// This report with what <paramref name="manifest"/> (the checkpoint undone, read before the undo) says of it: the turn,
    /// its session, and for each file restored or removed the hash it had (the turn's result, checked before undoing it) and
    /// the one it has now.
    /// </summary>
    public UndoReport With(CheckpointManifest? manifest)
    {
        if (manifest is null)
        {
            return this;
        }

        var changes = new List<UndoneFile>();
        foreach (var entry in manifest.Entries)
        {
            if (Restored.Contains(entry.Path))
            {
                changes.Add(new UndoneFile(entry.Path, entry.AfterHash, entry.BeforeBlob));
            }
            else if (Removed.Contains(entry.Path))
            {
                changes.Add(new UndoneFile(entry.Path, entry.AfterHash, null));
            }
        }

        return this with { Changes = changes, Turn = manifest.Turn, Session = manifest.Session, Interrupted = manifest.Interrupted };
    }
}
