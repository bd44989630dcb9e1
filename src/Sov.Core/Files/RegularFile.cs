using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Sov.Core.Files;

/// <summary>
/// Opening a file that must be a plain regular file, without ever waiting: on Linux it is opened with
/// O_NONBLOCK (a FIFO named AGENTS.md does not wait for a writer) and its type, link count and size are
/// read from the opened handle itself (statx on the descriptor, so nothing can be swapped in between).
/// Reads stop at a cap however big the file claims to be.
/// </summary>
internal static class RegularFile
{
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800; // O_NONBLOCK (x86-64 and arm64)
    private const int CloseOnExec = 0x80000;
    private const int EmptyPath = 0x1000; // AT_EMPTY_PATH: statx describes the descriptor itself
    private const uint WantTypeModeLinksSize = 0x1 | 0x2 | 0x4 | 0x200; // STATX_TYPE | STATX_MODE | STATX_NLINK | STATX_SIZE
    private const int TypeMask = 0xF000; // S_IFMT
    private const int RegularType = 0x8000; // S_IFREG

    /// <summary>Opens <paramref name="path"/> for reading (following symlinks; callers check where it led).</summary>
    public static SafeFileHandle Open(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        var fd = open(path, ReadOnly | NonBlocking | CloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"cannot open it (error {Marshal.GetLastPInvokeError()})");
        }

        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>What the open handle is: null when it is a regular file, else why not (a FIFO, a device, a folder…).</summary>
    public static string? NotRegular(SafeFileHandle handle, out uint links)
    {
        links = 1;
        if (!OperatingSystem.IsLinux())
        {
            return (File.GetAttributes(handle) & FileAttributes.Directory) != 0 ? "it is a folder, not a regular file" : null;
        }

        var buffer = new byte[256];
        if (statx((int)handle.DangerousGetHandle(), "", EmptyPath, WantTypeModeLinksSize, ref buffer[0]) != 0)
        {
            return $"its type cannot be checked (error {Marshal.GetLastPInvokeError()})";
        }

        links = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(16));
        var type = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28)) & TypeMask;
        return type == RegularType ? null : $"it is {TypeName(type)}, not a regular file";
    }

    /// <summary>At most <paramref name="maxBytes"/> bytes from the start; <paramref name="truncated"/> when more follow.</summary>
    public static byte[] ReadCapped(SafeFileHandle handle, int maxBytes, out bool truncated)
    {
        var buffer = new byte[maxBytes + 1];
        var total = 0;
        while (total < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (n <= 0)
            {
                break;
            }

            total += n;
        }

        truncated = total > maxBytes;
        return buffer.AsSpan(0, Math.Min(total, maxBytes)).ToArray();
    }

    private static string TypeName(int type) => type switch
    {
        0x1000 => "a FIFO (named pipe)",
        0x2000 => "a character device",
        0x4000 => "a folder",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => "a special file",
    };

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref byte buffer);
}
