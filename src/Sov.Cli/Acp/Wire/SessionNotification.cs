namespace Sov.Cli.Acp.Wire;

/// <summary><c>session/update</c>: one update of a session.</summary>
internal sealed record SessionNotification(string SessionId, SessionUpdate Update);
