namespace Sov.Cli.Acp.Wire;

/// <summary>One mode the editor may switch to.</summary>
internal sealed record SessionMode(string Id, string Name, string? Description);
