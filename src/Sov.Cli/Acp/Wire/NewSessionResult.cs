namespace Sov.Cli.Acp.Wire;

/// <summary>The answer to <c>session/new</c>: the session's one id and its modes.</summary>
internal sealed record NewSessionResult(string SessionId, SessionModeState Modes);
