namespace Sov.Core.Scan;

/// <summary>
/// Reading files with few system calls, for <c>sov scan</c> (implemented in Sov.Borders). Static members, so the
/// scanner calls them directly with no dispatch per call: the scanner is generic over the implementation. Any
/// failure returns a negative number and the scanner falls back to .NET's file APIs, which report errors well.
/// </summary>
public interface IScanReads
{
    /// <summary>Opens a file read-only without waiting; negative on any error or when not supported.</summary>
    static abstract int Open(string path);

    /// <summary>Opens a folder to open files relative to; negative on any error or when not supported.</summary>
    static abstract int OpenDirectory(string path);

    /// <summary>Opens <paramref name="name"/> in an open folder, read-only, without waiting; negative on any error.</summary>
    static abstract int OpenAt(int directory, string name);

    /// <summary>Reads at an offset: bytes read, 0 at the end, or minus the error number (<see cref="NotAFile"/> for a pipe or socket).</summary>
    static abstract int ReadAt(int fd, Span<byte> buffer, long offset);

    /// <summary>The file's size now; negative on error.</summary>
    static abstract long Size(int fd);

    static abstract void Close(int fd);

    /// <summary>Asks the kernel to back a fresh buffer with memory now (best effort).</summary>
    static abstract void Populate(nint address, long length);

    /// <summary>What <see cref="ReadAt"/> returns for something that is not a regular file (-ESPIPE).</summary>
    public const int NotAFile = -29;
}
