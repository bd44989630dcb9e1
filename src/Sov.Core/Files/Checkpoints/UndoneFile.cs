namespace Sov.Core.Files.Checkpoints;

/// <summary>One file an undo changed: its workspace path, the SHA-256 it had (the turn's result) and the one it has now (null when removed).</summary>
public sealed record UndoneFile(string Path, string? FromSha256, string? ToSha256);
