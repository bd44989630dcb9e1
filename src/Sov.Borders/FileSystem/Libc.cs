using System.Runtime.InteropServices;

namespace Sov.Borders.FileSystem;

/// <summary>The libc calls of the file system border. Paths are NUL-terminated bytes (names need not be UTF-8).</summary>
internal static class Libc
{
    public const int ReadOnly = 0;
    public const int NonBlocking = 0x800; // O_NONBLOCK (x86-64 and arm64)
    public const int CloseOnExec = 0x80000;
    public const int CurrentFolder = -100; // AT_FDCWD
    public const int NoFollow = 0x100; // AT_SYMLINK_NOFOLLOW
    public const int EmptyPath = 0x1000; // AT_EMPTY_PATH
    public const uint WantTypeModeLinksSize = 0x1 | 0x2 | 0x4 | 0x200; // STATX_TYPE | STATX_MODE | STATX_NLINK | STATX_SIZE
    public const int TypeMask = 0xF000; // S_IFMT
    public const int RegularType = 0x8000;
    public const int FolderType = 0x4000;
    public const int LinkType = 0xA000;
    public const int Interrupted = 4; // EINTR
    public const int LockExclusive = 2; // LOCK_EX
    public const int LockNonBlocking = 4; // LOCK_NB
    public const int WouldBlock = 11; // EWOULDBLOCK (EAGAIN)

    /// <summary>O_NOFOLLOW: 0400000 on x86-64, 0100000 on arm64 and arm (the generic and x86 values differ).</summary>
    public static int NoFollowOpen => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Open(ref byte path, int flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Create(ref byte path, int flags, int mode);

    [DllImport("libc", SetLastError = true, EntryPoint = "write")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint Write(int fd, ref byte buffer, nint count);

    [DllImport("libc", SetLastError = true, EntryPoint = "fsync")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Sync(int fd);

    [DllImport("libc", SetLastError = true, EntryPoint = "fchmod")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int ChangeMode(int fd, int mode);

    [DllImport("libc", SetLastError = true, EntryPoint = "rename")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Rename(ref byte from, ref byte to);

    [DllImport("libc", SetLastError = true, EntryPoint = "unlink")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Unlink(ref byte path);

    [DllImport("libc", SetLastError = true, EntryPoint = "openat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int OpenAt(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, int flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "pread")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint PRead(int fd, ref byte buffer, nint count, long offset);

    [DllImport("libc", EntryPoint = "lseek")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern long Seek(int fd, long offset, int whence);

    [DllImport("libc", EntryPoint = "madvise")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Advise(nint address, nint length, int advice);

    [DllImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Close(int fd);

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Statx(int directory, ref byte path, int flags, uint mask, ref byte buffer);

    [DllImport("libc", SetLastError = true, EntryPoint = "flock")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Flock(int fd, int operation);

    [DllImport("libc", SetLastError = true, EntryPoint = "opendir")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint OpenDir(ref byte path);

    [DllImport("libc", SetLastError = true, EntryPoint = "readdir")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint ReadDir(nint dir);

    [DllImport("libc", EntryPoint = "closedir")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int CloseDir(nint dir);

    [DllImport("libc", SetLastError = true, EntryPoint = "readlink")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint ReadLink(ref byte path, ref byte buffer, nint size);

    /// <summary>The type bits (S_IFMT) of a path, or -errno.</summary>
    public static int TypeOf(byte[] nativePath, bool follow)
    {
        var mode = Mode(nativePath, follow);
        return mode < 0 ? mode : mode & TypeMask;
    }

    /// <summary>The whole st_mode (type and permission bits) of a path, or -errno.</summary>
    public static int Mode(byte[] nativePath, bool follow)
    {
        var buffer = new byte[256];
        if (Statx(CurrentFolder, ref nativePath[0], follow ? 0 : NoFollow, 0x1 | 0x2, ref buffer[0]) != 0)
        {
            return -Marshal.GetLastPInvokeError();
        }

        return BitConverter.ToUInt16(buffer, 28);
    }
}
