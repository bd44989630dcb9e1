namespace Sov.Cli.Acp.Wire;

/// <summary><c>fs/read_text_file</c>'s result: the text the editor holds for the file (its unsaved buffer, or the file).</summary>
internal sealed record ReadTextFileResult(string? Content);
