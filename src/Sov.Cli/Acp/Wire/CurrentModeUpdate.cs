namespace Sov.Cli.Acp.Wire;

/// <summary>The session's mode changed.</summary>
internal sealed record CurrentModeUpdate(string CurrentModeId) : SessionUpdate;
