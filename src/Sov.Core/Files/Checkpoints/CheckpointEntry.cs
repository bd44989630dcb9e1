namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// One file a turn changed: its workspace-relative path, what it was before (a blob hash, or null when
/// it did not exist), its mode before, whether the before-content was captured at all (shell changes to
/// very large files are listed but not kept), the hash after the turn (null when deleted), and who changed it.
/// </summary>
public sealed record CheckpointEntry(
    string Path,
    string? BeforeBlob,
    int? BeforeMode,
    bool Captured,
    string? AfterHash,
    string ChangedBy);
