namespace Sov.Core.Files;

/// <summary>
/// Where the file tools (read_file, write_file, edit_file and the read before an edit) get a named file's content and
/// put their result, once the file border has judged the path. The default is the disk through the border
/// (<see cref="WorkspaceFileAccess"/>); a front end may wrap it (the editor's unsaved buffers under <c>sov acp</c>, #18)
/// and must keep the border's judgement: a path outside the workspace or a protected one never leaves this machine's disk.
/// Folder walks (grep, glob, list_dir) and shell commands always see the disk.
/// </summary>
public interface IFileAccess
{
    /// <summary>Opens <paramref name="path"/> (inside the workspace, checked by <see cref="Workspace.Inspect"/>) for reading: a seekable stream at its start.</summary>
    /// <exception cref="WorkspaceException">The border refuses it, or it cannot be read; the message says why.</exception>
    Task<Stream> OpenReadAsync(WorkspacePath path, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="content"/> if it still holds <paramref name="expectedBefore"/> (null: it must not
    /// exist), calling <paramref name="beforeWrite"/> (the undo checkpoint) just before the write, as <see cref="Workspace.Replace"/> does, with the
    /// channel the write goes through (an editor's buffer is what <paramref name="expectedBefore"/> was checked against, not the disk, #18).
    /// </summary>
    /// <exception cref="WorkspaceException">The border refuses it, it changed since it was read, or the write failed; nothing was written.</exception>
    Task ReplaceAsync(WorkspacePath path, byte[] content, byte[]? expectedBefore, Action<WriteChannel>? beforeWrite, CancellationToken cancellationToken);
}
