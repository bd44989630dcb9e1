namespace Sov.Cli.Acp.Wire;

/// <summary>The answer to <c>session/load</c>, sent after the history was replayed.</summary>
internal sealed record LoadSessionResult(SessionModeState Modes);
