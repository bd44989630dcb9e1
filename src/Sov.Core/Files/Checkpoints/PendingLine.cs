namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// One line of a running turn's pending record (<c>pending/&lt;turn&gt;.jsonl</c>), fsynced before the change it
/// announces: the first line names the turn and its session; each later one is a file's state before the
/// turn changed it (<see cref="Path"/> set), written before that file is touched (#13.7). <see cref="AfterHash"/>
/// is the hash of what a tool is about to write; a later line for the same path carries only the next write's.
/// </summary>
public sealed record PendingLine(
    string? Turn = null,
    string? Session = null,
    string? Path = null,
    string? BeforeBlob = null,
    int? BeforeMode = null,
    bool Captured = true,
    string? ChangedBy = null,
    IReadOnlyList<string>? CreatedFolders = null,
    string? AfterHash = null);
