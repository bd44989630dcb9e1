namespace Sov.Cli.Acp.Wire;

/// <summary>A program's name and version (ACP schema Implementation).</summary>
internal sealed record Implementation(string Name, string Title, string Version);
