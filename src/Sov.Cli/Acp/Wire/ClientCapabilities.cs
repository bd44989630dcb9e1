namespace Sov.Cli.Acp.Wire;

/// <summary>What the editor offers the agent: its file system and terminals (ACP schema ClientCapabilities).</summary>
internal sealed record ClientCapabilities(FileSystemCapabilities? Fs, bool? Terminal);
