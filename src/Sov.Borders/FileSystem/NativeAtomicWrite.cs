using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Sov.Core.Files;

namespace Sov.Borders.FileSystem;

/// <summary>
/// <see cref="AtomicFile"/> on byte paths, for names .NET cannot pass (not UTF-8): a temporary file created
/// exclusively beside the target (same name pattern), written, fsynced, given the old file's mode, renamed over
/// the target; removed again on any failure.
/// </summary>
internal static class NativeAtomicWrite
{
    private const int WriteOnly = 0x1;
    private const int CreateNew = 0x40 | 0x80; // O_CREAT | O_EXCL
    private const int PermissionBits = 0xFFF;

    public static void Write(string path, ReadOnlySpan<byte> content, Action<SafeFileHandle> verifyOpened)
    {
        var slash = path.LastIndexOf('/');
        var temp = $"{path[..(slash + 1)]}.{path[(slash + 1)..]}.sov-{Guid.NewGuid():n}.tmp";
        var target = FileNames.ToNativePath(path);
        var tempBytes = FileNames.ToNativePath(temp);
        var existing = Libc.TypeOf(target, follow: false) == Libc.RegularType ? Libc.Mode(target, follow: false) & PermissionBits : -1;
        var fd = Libc.Create(ref tempBytes[0], WriteOnly | CreateNew | Libc.NoFollowOpen | Libc.CloseOnExec, existing >= 0 ? existing : 0x1B6 /* 0666, less the umask */);
        if (fd < 0)
        {
            throw new IOException($"{temp}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        try
        {
            using (var handle = new SafeFileHandle(fd, ownsHandle: true))
            {
                verifyOpened(handle);
                Check(Libc.Flock(fd, Libc.LockExclusive | Libc.LockNonBlocking), temp); // as AtomicFile's FileShare.None: a live write
                if (existing >= 0)
                {
                    Check(Libc.ChangeMode(fd, existing), temp);
                }

                var bytes = content.ToArray();
                for (var done = 0; done < bytes.Length;)
                {
                    var n = Libc.Write(fd, ref bytes[done], bytes.Length - done);
                    if (n < 0 && Marshal.GetLastPInvokeError() == Libc.Interrupted)
                    {
                        continue;
                    }

                    Check((int)Math.Min(n, 0), temp);
                    done += (int)n;
                }

                Check(Libc.Sync(fd), temp);
                Check(Libc.Rename(ref tempBytes[0], ref target[0]), path); // still locked: see AtomicFile
            }
        }
        catch
        {
            _ = Libc.Unlink(ref tempBytes[0]);
            throw;
        }
    }

    private static void Check(int result, string path)
    {
        if (result < 0)
        {
            throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
    }
}
