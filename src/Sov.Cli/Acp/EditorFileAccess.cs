using System.Text;
using Sov.Cli.Acp.Rpc;
using Sov.Core.Files;
using Sov.Core.Tools.Search;

namespace Sov.Cli.Acp;

/// <summary>
/// The file tools' access under <c>sov acp</c> when the editor offers its file system (#18): a named file is read from the
/// editor (<c>fs/read_text_file</c>: its unsaved buffer) and written through it (<c>fs/write_text_file</c>), but only
/// after the file border judged the path, and only for a path inside the workspace (also where its symlinks lead), not
/// protected and with a UTF-8 name; everything else stays on the disk through the border, so no request about it reaches
/// the editor, nor does a path a read rule holds back. A file whose disk content is an image or binary is read from disk (an editor holds text buffers). The read
/// rules and modes were judged by the permission gate before the tool ran, and the text border has judged the text a tool
/// writes before it gets here. A write takes the folder's lock, checks the file still holds what the tool read (as the
/// editor holds it), records the undo checkpoint (the buffer the write was checked against, and what was sent as the
/// turn's result: <c>sov undo</c> restores that buffer on disk once the editor saved the change, and leaves a file the
/// editor has not saved, which then differs from the turn's result), then hands the text to the editor; the disk changes
/// only if the editor saves it. The path is judged again right before and after each request (#18).
/// </summary>
internal sealed class EditorFileAccess(Workspace workspace, IFileAccess disk, IEditorBuffers editor, bool reads, bool writes) : IFileAccess
{
    /// <summary>
    /// Whether the read rules let a workspace-relative path be read freely (no deny or ask rule matches it); a path they hold
    /// back (as written or where it leads) is never named to the editor, also when a write rule let the call through.
    /// </summary>
    public Func<string, bool> ReadsFreely { get; init; } = _ => true;

    public async Task<Stream> OpenReadAsync(WorkspacePath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!reads || EditorName(path) is not { } name)
        {
            return await disk.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        }

        // The disk first, through the border: a FIFO, a device or a link that leads out is refused there and never asked about.
        var onDisk = workspace.Files.Kind(path.RealPath) == FileKind.None ? null : await disk.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            if (onDisk is not null && (ImageFormat.Detect(onDisk) is not null || TextFile.LooksBinary(onDisk)))
            {
                var kept = onDisk;
                onDisk = null;
                return kept;
            }

            string text;
            Recheck(path);
            try
            {
                text = await editor.ReadAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e)
            {
                throw new WorkspaceException($"The editor could not read {path.Display}: {e.Message}. Check that it is open or exists.");
            }

            Recheck(path); // the content is dropped when the path changed under the request
            return new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        }
        finally
        {
            if (onDisk is not null)
            {
                await onDisk.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public async Task ReplaceAsync(WorkspacePath path, byte[] content, byte[]? expectedBefore, Action<WriteChannel>? beforeWrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        if (!writes || EditorName(path) is not { } name)
        {
            await disk.ReplaceAsync(path, content, expectedBefore, beforeWrite, cancellationToken).ConfigureAwait(false);
            return;
        }

        var folder = workspace.PrepareWrite(path); // outside, protected, a folder, or changed since checked: refused here
        if (workspace.Files.Kind(path.RealPath) == FileKind.Other)
        {
            throw new WorkspaceException($"{path.Display} is not a regular file (a FIFO, device or socket); nothing was written.");
        }

        var text = TextFormat.Decode(content)?.Text
            ?? throw new WorkspaceException($"{path.Display}: the new content is not text; the editor writes text only, and nothing was written.");
        using var held = workspace.Files.LockFolder(folder);
        var now = workspace.Files.Kind(path.RealPath) == FileKind.None ? null
            : await WorkspaceFileAccess.ReadAllBytesAsync(this, path, cancellationToken).ConfigureAwait(false);
        if ((now is null) != (expectedBefore is null) || (now is not null && !now.AsSpan().SequenceEqual(expectedBefore)))
        {
            throw new WorkspaceException($"{path.Display} changed since this edit read it; nothing was written. Read it again and retry.");
        }

        Recheck(path);
        beforeWrite?.Invoke(WriteChannel.Editor);
        Recheck(path); // the checkpoint was the last step before the request: nothing is sent for a path that changed
        try
        {
            await editor.WriteAsync(name, text, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw new WorkspaceException($"The editor did not write {path.Display}: {e.Message}. Nothing was written; try again.");
        }

        Recheck(path);
    }

    /// <summary>
    /// The border's judgement again, right before and after each request to the editor (#18): a folder swapped for a link
    /// during a round trip (so the name now leads elsewhere, out of the workspace or to a protected file) fails the call.
    /// </summary>
    private void Recheck(WorkspacePath path)
    {
        var now = workspace.Inspect(path.FullPath);
        if (now.RealPath != path.RealPath || now.FullPath != now.RealPath || now.Inside != path.Inside || now.Protected != path.Protected
            || !now.Inside || now.Protected)
        {
            throw new WorkspaceException($"{path.Display} changed (a folder on its way became a link, or it moved) while the editor was asked about it; "
                + "what the editor answered was dropped. Check the folder and retry.");
        }
    }

    /// <summary>
    /// The absolute name the editor is asked about, or null when the path must stay on the disk: outside, protected, held
    /// back by a read rule (as written or where it leads), a name that is not UTF-8, or a path through a symbolic link
    /// (#18: the border's own open-and-verify path handles those; the editor would follow the link itself).
    /// </summary>
    private string? EditorName(WorkspacePath path) =>
        path.Inside && !path.Protected && path.FullPath == path.RealPath && ReadsFreely(workspace.Relative(path.FullPath)) && ReadsFreely(workspace.Relative(path.RealPath))
            ? FileNames.AsText(path.RealPath)
            : null;
}
