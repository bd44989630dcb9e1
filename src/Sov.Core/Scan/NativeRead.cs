using System.Runtime.InteropServices;

namespace Sov.Core.Scan;

/// <summary>
/// Reading a file with few system calls on Linux: its folder is opened once per batch and each file relative to
/// it (openat: the kernel resolves one name, not the whole path), then pread until the end, then close. .NET's
/// file handles add an fstat, an flock/unlock pair and another fstat per file; on a tree of thousands of small
/// files those calls cost more than the scanning. Any failure falls back to the .NET path, which reports errors well.
/// </summary>
internal static partial class NativeRead
{
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;
    private const int NonBlocking = 0x800; // O_NONBLOCK (x86-64 and arm64): opening a FIFO must not wait for a writer
    private const int NoSeek = 29; // ESPIPE: a pipe or socket, not a file

    /// <summary>True when the last failed <see cref="ReadAt"/> was on something that is not a regular file (a FIFO).</summary>
    [ThreadStatic]
    private static bool t_notAFile;

    public static bool LastWasNotAFile => t_notAFile;
    private const int SeekEnd = 2;
    private const int HugePage = 14; // MADV_HUGEPAGE
    private const int PopulateWrite = 23; // MADV_POPULATE_WRITE

    /// <summary>Opens <paramref name="path"/> read-only; -1 when not on Linux or on any error.</summary>
    public static int Open(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }

        return open(path, ReadOnly | NonBlocking | CloseOnExec);
    }

    /// <summary>Opens a folder to open files relative to; -1 when not on Linux or on any error.</summary>
    public static int OpenDirectory(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }

        return open(path, ReadOnly | CloseOnExec); // no O_DIRECTORY: its value differs by architecture; openat on a non-folder fails anyway
    }

    /// <summary>Opens <paramref name="name"/> in the folder <paramref name="directory"/> (from <see cref="OpenDirectory"/>) read-only; -1 on any error.</summary>
    public static int OpenAt(int directory, string name) => openat(directory, name, ReadOnly | NonBlocking | CloseOnExec);

    /// <summary>Reads at <paramref name="offset"/> into <paramref name="buffer"/>; returns bytes read, 0 at the end, -1 on error.</summary>
    public static int ReadAt(int fd, Span<byte> buffer, long offset)
    {
        if (buffer.IsEmpty)
        {
            return -1; // never mistake a full buffer for the end of the file
        }

        while (true)
        {
            var n = pread(fd, ref MemoryMarshal.GetReference(buffer), buffer.Length, offset);
            var error = n < 0 ? Marshal.GetLastPInvokeError() : 0;
            if (n >= 0 || error != 4) // EINTR: try again
            {
                t_notAFile = error == NoSeek;
                return (int)n;
            }
        }
    }

    /// <summary>The file's size now (it may still change); -1 on error. Reads go by offset, so moving the position is harmless.</summary>
    public static long Size(int fd) => lseek(fd, 0, SeekEnd);

    public static void Close(int fd) => _ = close(fd);

    /// <summary>
    /// Asks the kernel to back the whole pages inside [<paramref name="address"/>, +<paramref name="length"/>) with
    /// memory now, in one call (MADV_POPULATE_WRITE, Linux 5.14+), instead of one page fault per page as reads first
    /// touch them; huge pages are asked for where the system allows them. Best effort: an older kernel just faults.
    /// </summary>
    public static void Populate(nint address, long length)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        const nint page = 4096;
        var start = (address + page - 1) & ~(page - 1);
        var end = (address + (nint)length) & ~(page - 1);
        if (end <= start)
        {
            return;
        }

        _ = madvise(start, end - start, HugePage);
        _ = madvise(start, end - start, PopulateWrite);
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "openat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int openat(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, int flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "pread")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint pread(int fd, ref byte buffer, nint count, long offset);

    [DllImport("libc", EntryPoint = "lseek")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern long lseek(int fd, long offset, int whence);

    [DllImport("libc", EntryPoint = "madvise")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int madvise(nint address, nint length, int advice);

    [DllImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int close(int fd);
}
