namespace Sov.Cli.Acp.Wire;

/// <summary><c>session/set_mode</c>: the mode to switch the session to.</summary>
internal sealed record SetModeParams(string? SessionId, string? ModeId);
