namespace Sov.Core.Files;

/// <summary>
/// What write_file and edit_file do to the disk, in two steps: prepare (read through the border,
/// decode keeping encoding, BOM and line endings, compute the new text) and apply (under the folder's lock:
/// the file must still hold what was read, then checkpoint, then an atomic write re-checked at open). Refusals are <see cref="WorkspaceException"/>s with a message the
/// model can act on.
/// </summary>
public sealed class FileEditor(Workspace workspace)
{
    public async Task<PreparedChange> PrepareWriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = workspace.ForWrite(path);
        if (!workspace.Exists(target))
        {
            return new PreparedChange(target, null, content, TextFormat.NewFile.Encode(content, convertLineEndings: false),
                $"created {target.Display}", null, null);
        }

        var bytes = await workspace.ReadAllBytesAsync(target, outsideApproved: false, cancellationToken).ConfigureAwait(false);
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

        var bytes = await workspace.ReadAllBytesAsync(target, outsideApproved: false, cancellationToken).ConfigureAwait(false);
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
        var folders = checkpoint?.FoldersToCreate(change.Path); // looked at before the write makes them
        workspace.Replace(change.Path, change.Bytes, change.BeforeBytes, () => checkpoint?.BeforeWrite(change.Path, tool, folders, Checkpoints.FileSnapshot.Hash(change.Bytes)));
    }
}
