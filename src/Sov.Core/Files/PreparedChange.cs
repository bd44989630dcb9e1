namespace Sov.Core.Files;

/// <summary>
/// A file change computed but not yet written, so it can be shown (and approved) first: the text before
/// (null for a new file) and after, the bytes to write in the file's own format, and what the edit
/// engine said. <see cref="FileEditor.Apply"/> writes it only if the file still holds <see cref="BeforeBytes"/>, checked
/// under the folder's lock (<see cref="Workspace.Replace"/>), so another process's write in between is never lost.
/// </summary>
public sealed record PreparedChange(
    WorkspacePath Path,
    string? Before,
    string After,
    byte[] Bytes,
    string Message,
    string? Note,
    byte[]? BeforeBytes)
{
    public bool Created => Before is null;
}
