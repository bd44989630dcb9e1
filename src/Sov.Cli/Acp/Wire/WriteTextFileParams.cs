namespace Sov.Cli.Acp.Wire;

/// <summary><c>fs/write_text_file</c>'s params (ACP schema WriteTextFileRequest): an absolute path and the whole new text.</summary>
internal sealed record WriteTextFileParams(string SessionId, string Path, string Content);
