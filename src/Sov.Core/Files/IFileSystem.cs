using Microsoft.Win32.SafeHandles;

namespace Sov.Core.Files;

/// <summary>
/// The file system as the file border needs it, at the level of bytes (implemented in Sov.Borders, the only
/// assembly that makes system calls). Paths are text in <see cref="FileNames"/>' escape, so a name that is not
/// UTF-8 can be listed, opened and passed back. Opening never waits (a FIFO cannot hang a read).
/// </summary>
public interface IFileSystem
{
    /// <summary>The entries of a folder (no "." or ".."), in no particular order; one odd name never stops the listing.</summary>
    /// <exception cref="IOException">The folder cannot be opened.</exception>
    IReadOnlyList<FolderEntry> List(string folder);

    /// <summary>What <paramref name="path"/> is, following symlinks; <see cref="FileKind.None"/> when it does not exist or cannot be reached.</summary>
    FileKind Kind(string path);

    /// <summary>Where the symlink <paramref name="path"/> leads (as written in the link); null when it is not a symlink.</summary>
    string? ReadLink(string path);

    /// <summary>Opens a file for reading without waiting, following symlinks (callers check where it led).</summary>
    /// <exception cref="IOException">It cannot be opened; the message says why.</exception>
    SafeFileHandle OpenRead(string path);

    /// <summary>What an open handle is: null for a regular file, else why not (a FIFO, a device, a folder…); <paramref name="links"/> is its hard-link count.</summary>
    string? NotRegular(SafeFileHandle handle, out uint links);

    /// <summary>Where the kernel says an open handle's file is.</summary>
    string OpenedPath(SafeFileHandle handle);

    /// <summary>
    /// Replaces <paramref name="path"/> all or nothing (<see cref="AtomicFile"/>: a temporary file beside it, fsync,
    /// the old mode kept, one rename), also when its name is not UTF-8; <paramref name="verifyOpened"/> sees the
    /// temporary file's handle before anything is written to it.
    /// </summary>
    void WriteAtomic(string path, ReadOnlySpan<byte> content, Action<SafeFileHandle> verifyOpened);

    /// <summary>
    /// Takes an exclusive advisory lock on a folder (flock), waiting while another process or thread holds it
    /// (up to a bound, then an IOException: a holder that keeps it longer is stopped or hung); disposing releases it. Sovereign's writes to files in that folder hold it, so two sessions cannot
    /// interleave a "still as read?" check and a rename.
    /// </summary>
    IDisposable LockFolder(string folder);
}
