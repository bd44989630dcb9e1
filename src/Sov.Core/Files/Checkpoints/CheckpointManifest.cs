namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// The record of one turn's file changes, stored as JSON beside the content blobs. <see cref="Turn"/> and
/// <see cref="Session"/> name the turn and its session; <see cref="Interrupted"/> marks a turn recovered after
/// its process ended mid-turn (#13.7).
/// </summary>
public sealed record CheckpointManifest(
    string Workspace,
    long Sequence,
    DateTimeOffset CreatedUtc,
    IReadOnlyList<CheckpointEntry> Entries,
    string? Turn = null,
    string? Session = null,
    bool Interrupted = false);
