namespace Sov.Cli.Acp.Wire;

/// <summary><c>terminal/output</c>'s result: the output the editor kept, whether it dropped the start, and the exit status once it ended.</summary>
internal sealed record TerminalOutputResult(string? Output, bool Truncated, TerminalExitStatus? ExitStatus);
