namespace Sov.Cli.Acp.Wire;

/// <summary><c>terminal/create</c>'s result: the id of the editor's terminal.</summary>
internal sealed record CreateTerminalResult(string? TerminalId);
