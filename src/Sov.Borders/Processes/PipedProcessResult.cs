namespace Sov.Borders.Processes;

/// <summary>What a child fed on stdin left: its exit code, stdout and stderr apart (each bounded), how long, whether it was killed at its timeout.</summary>
public sealed record PipedProcessResult(int ExitCode, string Stdout, string Stderr, TimeSpan Duration, bool TimedOut);
