namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// The workspace's files as they were before a turn's first shell command, stored beside the turn's pending
/// record (<c>pending/&lt;turn&gt;.shell.json</c>, written whole and fsynced before the command runs), so a
/// command killed mid-run can still be undone (#13.7). Content is kept within <see cref="FileSnapshot"/>'s budget.
/// </summary>
public sealed record ShellSnapshotFile(bool Complete, IReadOnlyList<ShellSnapshotEntry> Files);
