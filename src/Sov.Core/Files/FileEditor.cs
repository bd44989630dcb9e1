namespace Sov.Core.Files;

/// <summary>
/// What write_file and edit_file do to the disk, in two steps: prepare (read through the border,
/// decode keeping encoding, BOM and line endings, compute the new text) and apply (under the folder's lock:
/// the file must still hold what was read, then checkpoint, then an atomic write re-checked at open). Refusals are <see cref="WorkspaceException"/>s with a message the
/// model can act on. The file's content is read and written through an <see cref="IFileAccess"/>: the disk through the border
/// unless the session gives another (the editor's buffers under <c>sov acp</c>, #18); the border judges the path first either way.
/// </summary>
public sealed class FileEditor(Workspace workspace, IFileAccess? access = null)
{
    private readonly IFileAccess _access = access ?? new WorkspaceFileAccess(workspace);

    public async Task<PreparedChange> PrepareWriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = workspace.ForWrite(path);
        if (!workspace.Exists(target))
        {
            return new PreparedChange(target, null, content, TextFormat.NewFile.Encode(content, convertLineEndings: false),
                $"created {target.Display}", null, null);
        }

        var bytes = await WorkspaceFileAccess.ReadAllBytesAsync(_access, target, cancellationToken).ConfigureAwait(false);
        var decoded = TextFormat.Decode(bytes);
        var format = decoded?.Format ?? TextFormat.NewFile;
        var encoded = format.Encode(content, convertLineEndings: true);
        var note = decoded is null ? null : KeptFormat(decoded.Value.Format);
        return new PreparedChange(target, decoded?.Text ?? "", TextFormat.Decode(encoded)?.Text ?? content, encoded,
            $"overwrote {target.Display}", note, bytes);
    }

    public async Task<PreparedChange> PrepareEditAsync(string path, string oldString, string newString, bool replaceAll, CancellationToken cancellationToken)
    {
        var target = workspace.ForWrite(path);
        if (!workspace.Exists(target))
        {
            throw new WorkspaceException($"{target.Display} does not exist. To create it use write_file with the whole content.");
        }

        var bytes = await WorkspaceFileAccess.ReadAllBytesAsync(_access, target, cancellationToken).ConfigureAwait(false);
        var decoded = TextFormat.Decode(bytes)
            ?? throw new WorkspaceException($"{target.Display} is not UTF-8 or UTF-16 text (binary, or another encoding); edit_file cannot change it safely.");
        var result = EditEngine.Apply(decoded.Text, oldString, newString, replaceAll, decoded.Format.LineEnding);
        if (!result.Ok)
        {
            throw new WorkspaceException($"{target.Display}: {result.Message}");
        }

        return new PreparedChange(target, decoded.Text, result.Text, decoded.Format.Encode(result.Text, convertLineEndings: false),
            $"edited {target.Display}: {result.Message}", result.Note, bytes);
    }

    private static string? KeptFormat(TextFormat format)
    {
        var kept = new List<string>();
        if (format.LineEnding == "\r\n")
        {
            kept.Add("CRLF line endings");
        }

        if (format.Bom || format.Encoding != TextEncodingKind.Utf8)
        {
            kept.Add($"{format.Encoding}{(format.Bom ? " with BOM" : "")}");
        }

        return kept.Count == 0 ? null : $"kept the file's {string.Join(" and ", kept)}";
    }

    /// <summary>
    /// Writes a prepared change if the file is still as it was when prepared, recording its state for undo
    /// first; the check and the write are one step under the folder's lock (see <see cref="Workspace.Replace"/>).
    /// </summary>
    public void Apply(PreparedChange change, Checkpoints.TurnCheckpoint? checkpoint, string tool)
    {
        ArgumentNullException.ThrowIfNull(change);
        var beforeWrite = BeforeWrite(change, checkpoint, tool);
        workspace.Replace(change.Path, change.Bytes, change.BeforeBytes, () => beforeWrite(WriteChannel.Disk));
    }

    /// <summary>As <see cref="Apply"/>, through the session's file access (the editor's, when it writes for the tools).</summary>
    public Task ApplyAsync(PreparedChange change, Checkpoints.TurnCheckpoint? checkpoint, string tool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return _access.ReplaceAsync(change.Path, change.Bytes, change.BeforeBytes, BeforeWrite(change, checkpoint, tool), cancellationToken);
    }

    /// <summary>The undo checkpoint's step before a write: through the editor (#18) the state undo restores is the buffer the
    /// write was checked against (<see cref="PreparedChange.BeforeBytes"/>), not the disk, and the turn's result is what was sent.</summary>
    private static Action<WriteChannel> BeforeWrite(PreparedChange change, Checkpoints.TurnCheckpoint? checkpoint, string tool)
    {
        var folders = checkpoint?.FoldersToCreate(change.Path); // looked at before the write makes them
        return channel => checkpoint?.BeforeWrite(change.Path, tool, folders, Checkpoints.FileSnapshot.Hash(change.Bytes),
            channel == WriteChannel.Editor ? new Checkpoints.ShownState(change.BeforeBytes) : null);
    }
}
