using System.Runtime.InteropServices;

namespace Sov.Core.Scan;

/// <summary>
/// Reading a whole file with three system calls (open, read, close) on Linux. .NET's file handles add an
/// fstat, an flock/unlock pair and another fstat per file; on a tree of thousands of small files those
/// calls cost more than the scanning. Any failure falls back to the .NET path, which reports errors well.
/// </summary>
internal static partial class NativeRead
{
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;

    /// <summary>Opens <paramref name="path"/> read-only; -1 when not on Linux or on any error.</summary>
    public static int Open(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }

        return open(path, ReadOnly | CloseOnExec);
    }

    /// <summary>Reads at the current position into <paramref name="buffer"/>; returns bytes read, 0 at the end, -1 on error.</summary>
    public static int Read(int fd, Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            var n = read(fd, ref MemoryMarshal.GetReference(buffer), buffer.Length);
            if (n >= 0 || Marshal.GetLastPInvokeError() != 4) // EINTR: try again
            {
                return (int)n;
            }
        }
    }

    public static void Close(int fd) => _ = close(fd);

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "read")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint read(int fd, ref byte buffer, nint count);

    [DllImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int close(int fd);
}
