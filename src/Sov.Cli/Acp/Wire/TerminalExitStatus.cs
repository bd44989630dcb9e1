namespace Sov.Cli.Acp.Wire;

/// <summary>How a command in the editor's terminal ended (ACP schema TerminalExitStatus): its exit code, or the signal that ended it.</summary>
internal sealed record TerminalExitStatus(int? ExitCode, string? Signal);
