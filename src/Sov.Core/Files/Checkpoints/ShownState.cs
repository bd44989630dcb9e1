namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// A file as the write that changes it was checked against, when that is not the disk (#18: the editor's unsaved buffer
/// under <c>sov acp</c>). <see cref="Content"/> null: the file did not exist. Undo restores this, not the disk's bytes.
/// </summary>
public sealed record ShownState(byte[]? Content);
