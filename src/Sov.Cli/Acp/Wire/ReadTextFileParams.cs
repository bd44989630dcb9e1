namespace Sov.Cli.Acp.Wire;

/// <summary><c>fs/read_text_file</c>'s params (ACP schema ReadTextFileRequest): an absolute path, optionally from a line (1-based) for a number of lines.</summary>
internal sealed record ReadTextFileParams(string SessionId, string Path, int? Line = null, int? Limit = null);
