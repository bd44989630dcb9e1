namespace Sov.Core.Files.Checkpoints;

/// <summary>The record of one turn's file changes, stored as JSON beside the content blobs.</summary>
public sealed record CheckpointManifest(string Workspace, long Sequence, DateTimeOffset CreatedUtc, IReadOnlyList<CheckpointEntry> Entries);
