namespace Sov.Core.Files;

/// <summary>The file tools' own access: the disk through the file border (<see cref="Workspace.OpenRead"/>, <see cref="Workspace.Replace"/>).</summary>
public sealed class WorkspaceFileAccess(Workspace workspace) : IFileAccess
{
    public Task<Stream> OpenReadAsync(WorkspacePath path, CancellationToken cancellationToken) => Task.FromResult<Stream>(workspace.OpenRead(path));

    public Task ReplaceAsync(WorkspacePath path, byte[] content, byte[]? expectedBefore, Action<WriteChannel>? beforeWrite, CancellationToken cancellationToken)
    {
        workspace.Replace(path, content, expectedBefore, beforeWrite is null ? null : () => beforeWrite(WriteChannel.Disk));
        return Task.CompletedTask;
    }

    /// <summary>All of a file's bytes through <paramref name="access"/>.</summary>
    public static async Task<byte[]> ReadAllBytesAsync(IFileAccess access, WorkspacePath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        await using var stream = await access.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
