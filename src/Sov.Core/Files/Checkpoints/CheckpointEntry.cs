namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// One file a turn changed: its workspace-relative path, what it was before (a blob hash, or null when
/// it did not exist), its mode before, whether the before-content was captured at all (shell changes to
/// very large files are listed but not kept), the hash after the turn (null when deleted), who changed it, and
/// the folders its creation made (workspace-relative, deepest first), which undo removes again when empty.
/// </summary>
public sealed record CheckpointEntry(
    string Path,
    string? BeforeBlob,
    int? BeforeMode,
    bool Captured,
    string? AfterHash,
    string ChangedBy,
    IReadOnlyList<string>? CreatedFolders = null);
