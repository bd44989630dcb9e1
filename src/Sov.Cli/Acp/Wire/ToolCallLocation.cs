namespace Sov.Cli.Acp.Wire;

/// <summary>A file a tool call touches (absolute path), for the editor to follow.</summary>
internal sealed record ToolCallLocation(string Path, int? Line = null);
