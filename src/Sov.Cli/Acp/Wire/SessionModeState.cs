namespace Sov.Cli.Acp.Wire;

/// <summary>The modes a session offers and the one in effect (the permission modes).</summary>
internal sealed record SessionModeState(string CurrentModeId, IReadOnlyList<SessionMode> AvailableModes);
