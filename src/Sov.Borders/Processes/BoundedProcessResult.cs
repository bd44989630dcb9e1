namespace Sov.Borders.Processes;

/// <summary>What a child left when its output was kept bounded: head and tail of stdout+stderr interleaved.</summary>
public sealed record BoundedProcessResult(int ExitCode, string Output, long DroppedBytes, TimeSpan Duration, bool TimedOut);
