namespace Sov.Core.Files.Checkpoints;

/// <summary>One file of a <see cref="ShellSnapshotFile"/>: its state, with its content when it was captured.</summary>
public sealed record ShellSnapshotEntry(string Path, long Size, long WriteTicks, int? Mode, byte[]? Content);
