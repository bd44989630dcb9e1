namespace Sov.Borders.Watch;

/// <summary>The end of one traced command: its exit code, the trace lines, and its captured output.</summary>
public sealed record TracedRun(int ExitCode, IReadOnlyList<string> Trace, byte[] Stdout, byte[] Stderr);
