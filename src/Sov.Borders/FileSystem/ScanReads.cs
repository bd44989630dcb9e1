using System.Runtime.InteropServices;
using Sov.Core.Scan;

namespace Sov.Borders.FileSystem;

/// <summary>
/// <c>sov scan</c>'s reads on Linux: its folder is opened once per batch and each file relative to it (openat:
/// the kernel resolves one name, not the whole path), then pread until the end, then close. .NET's file handles
/// add an fstat, an flock/unlock pair and another fstat per file; on a tree of thousands of small files those
/// calls cost more than the scanning. Elsewhere every call fails and the scanner uses .NET.
/// </summary>
public sealed class ScanReads : IScanReads
{
    private const int SeekEnd = 2;
    private const int HugePage = 14; // MADV_HUGEPAGE
    private const int PopulateWrite = 23; // MADV_POPULATE_WRITE

    public static int Open(string path) =>
        OperatingSystem.IsLinux() ? Libc.Open(path, Libc.ReadOnly | Libc.NonBlocking | Libc.CloseOnExec) : -1;

    // No O_DIRECTORY: its value differs by architecture; openat on a non-folder fails anyway.
    public static int OpenDirectory(string path) =>
        OperatingSystem.IsLinux() ? Libc.Open(path, Libc.ReadOnly | Libc.CloseOnExec) : -1;

    public static int OpenAt(int directory, string name) =>
        Libc.OpenAt(directory, name, Libc.ReadOnly | Libc.NonBlocking | Libc.CloseOnExec);

    public static int ReadAt(int fd, Span<byte> buffer, long offset)
    {
        if (buffer.IsEmpty)
        {
            return -22; // EINVAL: never mistake a full buffer for the end of the file
        }

        while (true)
        {
            var n = Libc.PRead(fd, ref MemoryMarshal.GetReference(buffer), buffer.Length, offset);
            if (n >= 0)
            {
                return (int)n;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error != Libc.Interrupted)
            {
                return -Math.Max(1, error);
            }
        }
    }

    public static long Size(int fd) => Libc.Seek(fd, 0, SeekEnd);

    public static void Close(int fd) => _ = Libc.Close(fd);

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

        _ = Libc.Advise(start, end - start, HugePage);
        _ = Libc.Advise(start, end - start, PopulateWrite);
    }
}
