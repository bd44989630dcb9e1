namespace Sov.Cli.Acp.Wire;

/// <summary>Whether the editor reads and writes text files for the agent (its unsaved buffers).</summary>
internal sealed record FileSystemCapabilities(bool? ReadTextFile, bool? WriteTextFile);
