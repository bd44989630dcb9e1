namespace Sov.Core.Audit.Export;

/// <summary>How far a collector has acknowledged one session's journal: the byte offset after the last record it took, that record's seq and hash.</summary>
public sealed record SessionCursor(long Offset, long Seq, string Hash);
