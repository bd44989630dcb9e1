namespace Sov.Cli.Acp.Wire;

/// <summary>The params of <c>terminal/output</c>, <c>terminal/wait_for_exit</c>, <c>terminal/kill</c> and <c>terminal/release</c>.</summary>
internal sealed record TerminalRef(string SessionId, string TerminalId);
