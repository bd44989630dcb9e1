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
}
