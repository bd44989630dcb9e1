using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Sov.Core.Files;

namespace Sov.Borders.FileSystem;

/// <summary>
/// The file border's system calls on Linux, on byte paths: names that are not UTF-8 are listed and opened
/// as they are (shown with <see cref="FileNames"/>' escape), files are opened with O_NONBLOCK (a FIFO does not
/// wait for a writer) and described from the open descriptor (statx), and folder locks are flock.
/// </summary>
public sealed class NativeFileSystem : IFileSystem
{
    private const int NameOffset = 19; // struct dirent64: d_ino 8, d_off 8, d_reclen 2, d_type 1, d_name
    private const int TypeOffset = 18;
    private const byte FolderEntryType = 4; // DT_DIR
    private readonly TimeSpan _folderLockWait;

    /// <param name="folderLockWait">How long <see cref="LockFolder"/> waits for another holder (15 s by default).</param>
    public NativeFileSystem(TimeSpan? folderLockWait = null) => _folderLockWait = folderLockWait ?? TimeSpan.FromSeconds(15);
    private const byte RegularEntryType = 8; // DT_REG
    private const byte LinkEntryType = 10; // DT_LNK

    public IReadOnlyList<FolderEntry> List(string folder)
    {
        var path = FileNames.ToNativePath(folder);
        var dir = Libc.OpenDir(ref path[0]);
        if (dir == 0)
        {
            throw Failure(folder, Marshal.GetLastPInvokeError());
        }

        var entries = new List<FolderEntry>();
        try
        {
            var name = new List<byte>(256);
            while (Libc.ReadDir(dir) is var entry && entry != 0)
            {
                name.Clear();
                for (var i = NameOffset; Marshal.ReadByte(entry, i) is var b && b != 0; i++)
                {
                    name.Add(b);
                }

                if (name is [(byte)'.'] or [(byte)'.', (byte)'.'])
                {
                    continue;
                }

                var shown = FileNames.Show(name.ToArray());
                var type = Marshal.ReadByte(entry, TypeOffset);
                if (type is FolderEntryType or RegularEntryType)
                {
                    entries.Add(new FolderEntry(shown, type == FolderEntryType, IsLink: false));
                    continue;
                }

                // A symlink, or a file system that does not say: ask for the type itself.
                var full = Join(folder, shown);
                var own = Libc.TypeOf(FileNames.ToNativePath(full), follow: false);
                var isLink = type == LinkEntryType || own == Libc.LinkType;
                var target = isLink ? Libc.TypeOf(FileNames.ToNativePath(full), follow: true) : own;
                entries.Add(new FolderEntry(shown, target == Libc.FolderType, isLink,
                    IsSpecial: !isLink && own >= 0 && own != Libc.RegularType && own != Libc.FolderType));
            }
        }
        finally
        {
            _ = Libc.CloseDir(dir);
        }

        return entries;
    }

    public FileKind Kind(string path) => Libc.TypeOf(FileNames.ToNativePath(path), follow: true) switch
    {
        < 0 => FileKind.None,
        Libc.RegularType => FileKind.File,
        Libc.FolderType => FileKind.Folder,
        _ => FileKind.Other,
    };

    public string? ReadLink(string path)
    {
        var native = FileNames.ToNativePath(path);
        return ReadLinkBytes(native) is { } target ? FileNames.Show(target) : null;
    }

    public SafeFileHandle OpenRead(string path)
    {
        var native = FileNames.ToNativePath(path);
        int fd;
        do
        {
            fd = Libc.Open(ref native[0], Libc.ReadOnly | Libc.NonBlocking | Libc.CloseOnExec);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == Libc.Interrupted);

        return fd < 0 ? throw Failure(null, Marshal.GetLastPInvokeError()) : new SafeFileHandle(fd, ownsHandle: true);
    }

    public string? NotRegular(SafeFileHandle handle, out uint links)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var buffer = new byte[256];
        var empty = new byte[1];
        if (Libc.Statx((int)handle.DangerousGetHandle(), ref empty[0], Libc.EmptyPath, Libc.WantTypeModeLinksSize, ref buffer[0]) != 0)
        {
            links = 1;
            return $"its type cannot be checked ({Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())})";
        }

        links = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(16));
        var type = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28)) & Libc.TypeMask;
        return type == Libc.RegularType ? null : $"it is {TypeName(type)}, not a regular file";
    }

    public string OpenedPath(SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var proc = FileNames.ToNativePath($"/proc/self/fd/{handle.DangerousGetHandle().ToInt64()}");
        return ReadLinkBytes(proc) is { } target
            ? FileNames.Show(target)
            : throw new WorkspaceException("Cannot confirm which file was opened (/proc/self/fd is unavailable); refused.");
    }

    public void WriteAtomic(string path, ReadOnlySpan<byte> content, Action<SafeFileHandle> verifyOpened)
    {
        if (FileNames.AsText(path) is { } text)
        {
            AtomicFile.Write(text, content, verifyOpened);
        }
        else
        {
            NativeAtomicWrite.Write(path, content, verifyOpened);
        }
    }

    public IDisposable LockFolder(string folder)
    {
        var native = FileNames.ToNativePath(folder);
        var fd = Libc.Open(ref native[0], Libc.ReadOnly | Libc.CloseOnExec);
        if (fd < 0)
        {
            throw Failure(folder, Marshal.GetLastPInvokeError());
        }

        // Sovereign holds these locks only for a check and a rename; a holder that keeps one for longer is stopped
        // or hung, and waiting on it for ever would hang this session too.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var pause = 1;
        while (Libc.Flock(fd, Libc.LockExclusive | Libc.LockNonBlocking) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error == Libc.Interrupted)
            {
                continue;
            }

            if (error != Libc.WouldBlock || waited.Elapsed >= _folderLockWait)
            {
                _ = Libc.Close(fd);
                throw error == Libc.WouldBlock
                    ? new IOException($"{folder}: another process has held its write lock for over {_folderLockWait.TotalSeconds:0} s; try again when it has finished")
                    : Failure(folder, error);
            }

            Thread.Sleep(pause);
            pause = Math.Min(pause * 2, 50);
        }

        return new FolderLock(fd);
    }

    private static byte[]? ReadLinkBytes(byte[] nativePath)
    {
        var buffer = new byte[4096];
        var n = Libc.ReadLink(ref nativePath[0], ref buffer[0], buffer.Length);
        return n <= 0 ? null : buffer.AsSpan(0, (int)n).ToArray();
    }

    private static string Join(string folder, string name) => folder.EndsWith('/') ? folder + name : folder + "/" + name;

    private static IOException Failure(string? path, int error) =>
        new(path is null ? $"cannot open it: {Marshal.GetPInvokeErrorMessage(error)}" : $"{path}: {Marshal.GetPInvokeErrorMessage(error)}");

    private static string TypeName(int type) => type switch
    {
        0x1000 => "a FIFO (named pipe)",
        0x2000 => "a character device",
        0x4000 => "a folder",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => "a special file",
    };
}
