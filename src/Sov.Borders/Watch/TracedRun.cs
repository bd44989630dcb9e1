namespace Sov.Borders.Watch;

/// <summary>
/// The end of one traced command: its exit code, the trace lines, and its captured output. <see cref="Stopped"/>: the
/// watch was interrupted (Ctrl-C, a timeout's SIGTERM) and the command's tree killed; the trace covers what it did until then.
/// </summary>
public sealed record TracedRun(int ExitCode, IReadOnlyList<string> Trace, byte[] Stdout, byte[] Stderr, bool Stopped = false);
