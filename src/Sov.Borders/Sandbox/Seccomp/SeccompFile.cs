using Microsoft.Win32.SafeHandles;

namespace Sov.Borders.Sandbox.Seccomp;

/// <summary>
/// The filter where bubblewrap can read it: bubblewrap takes <c>--seccomp FD</c>, and a .NET child inherits
/// no descriptor but the standard three, so the bytes sit in an unlinked file this process keeps open, and a
/// one-line <c>/bin/sh</c> trampoline opens it as descriptor 3 through <c>/proc/PID/fd/N</c> just before it
/// executes bubblewrap. Nothing stays on disk, and no other process can change the bytes in between (the
/// file is private to this user and gone from every folder before its descriptor is handed out).
/// Made once per process, on first use; never changed afterwards.
/// </summary>
public sealed class SeccompFile
{
    private static readonly Lazy<SeccompFile?> Current = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SafeFileHandle _handle;

    private SeccompFile(SafeFileHandle handle, string procPath)
    {
        _handle = handle;
        ProcPath = procPath;
    }

    /// <summary>Where a child of this process reads the filter.</summary>
    public string ProcPath { get; }

    /// <summary>The filter of this process, or null when this architecture has no table or no temporary folder is writable.</summary>
    public static SeccompFile? Shared => Current.Value;

    /// <summary>Prefixes <paramref name="bwrapArgv"/> (bubblewrap and its options, <c>--seccomp 3</c> among them) with the trampoline.</summary>
    public IReadOnlyList<string> Wrap(IReadOnlyList<string> bwrapArgv)
    {
        ArgumentNullException.ThrowIfNull(bwrapArgv);
        GC.KeepAlive(_handle);
        return ["/bin/sh", "-c", "exec \"$@\" 3<\"$0\"", ProcPath, .. bwrapArgv];
    }

    private static SeccompFile? Create()
    {
        if (!OperatingSystem.IsLinux() || SeccompFilter.ForThisMachine() is not { } program)
        {
            return null;
        }

        foreach (var folder in new[] { "/dev/shm", "/tmp" })
        {
            var path = Path.Combine(folder, $"sov-seccomp-{Guid.NewGuid():N}");
            try
            {
                var stream = new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
                File.Delete(path);
                var handle = stream.SafeFileHandle;
                RandomAccess.Write(handle, program, 0);
                return new SeccompFile(handle, $"/proc/{System.Environment.ProcessId}/fd/{handle.DangerousGetHandle()}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return null;
    }
}
