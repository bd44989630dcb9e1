namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// What is at a workspace path now, read for a checkpoint without blocking or leaving the path: a regular file's
/// bytes; nothing; or something else (a link, FIFO, socket, device or folder), which is never opened for reading.
/// A FIFO a shell command left where a file was must not hang the turn waiting for a writer, and a link to
/// <c>/dev/zero</c> must not be read for ever (CI stop 24 audit).
/// </summary>
public readonly record struct RegularContent(bool Present, byte[]? Content)
{
    /// <summary>The hash that stands for "present but not a regular file": it never equals a content hash.</summary>
    public const string NotRegularHash = "not-a-regular-file";

    /// <param name="textPath">The path as .NET names it (a real name, not the tools' escaped form).</param>
    public static RegularContent Read(IFileSystem files, string textPath) => ReadShown(files, Walk.TreeWalker.Shown(textPath));

    /// <param name="fullPath">The path in <see cref="FileNames"/>' escape, as the file border gives it (<see cref="WorkspacePath"/>).</param>
    public static RegularContent ReadShown(IFileSystem files, string fullPath)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.ReadLink(fullPath) is not null)
        {
            return new RegularContent(true, null);
        }

        switch (files.Kind(fullPath))
        {
            case FileKind.None:
                return new RegularContent(false, null);
            case FileKind.File:
                break;
            default:
                return new RegularContent(true, null);
        }

        try
        {
            using var handle = files.OpenRead(fullPath);
            if (files.NotRegular(handle, out _) is not null)
            {
                return new RegularContent(true, null);
            }

            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return new RegularContent(true, copy.ToArray());
        }
        catch (IOException) when (files.Kind(fullPath) == FileKind.None)
        {
            return new RegularContent(false, null); // gone since it was looked at
        }
    }

    /// <summary>The content's hash, <see cref="NotRegularHash"/> for something that is not a regular file, null for nothing.</summary>
    public string? Hash => !Present ? null : Content is null ? NotRegularHash : FileSnapshot.Hash(Content);

    public static string? HashOf(IFileSystem files, string textPath) => Read(files, textPath).Hash;
}
