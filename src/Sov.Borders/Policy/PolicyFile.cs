using System.Buffers.Binary;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Sov.Borders.FileSystem;
using Sov.Core;
using Sov.Core.Config;
using Sov.Core.Policy;

namespace Sov.Borders.Policy;

/// <summary>
/// Reads the managed policy file (#20). Its path is fixed when the binary is built (<c>/etc/sov/policy.toml</c>,
/// or the MSBuild property <c>SovPolicyPath</c>), never taken from a variable or a flag. No file: no policy.
/// A file that cannot be read, or that someone other than root could have written (it, or a folder above it,
/// not owned by root or writable by group or others; a symlink on the way), is refused: exit 3, fail closed.
/// The file is opened without following a symlink and checked through the opened descriptor, then read.
/// </summary>
public sealed class PolicyFile(string path, uint trustedOwner = 0)
{
    private const int NotFound = 2; // ENOENT
    private const uint WantTypeModeUid = 0x1 | 0x2 | 0x8; // STATX_TYPE | STATX_MODE | STATX_UID

    /// <summary>The path this binary was built with (assembly metadata <c>SovPolicyPath</c>).</summary>
    public static string BuiltInPath { get; } =
        typeof(PolicyFile).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SovPolicyPath")?.Value is { Length: > 0 } built ? built : "/etc/sov/policy.toml";

    /// <summary>The policy of this binary's fixed path.</summary>
    public static ManagedPolicy ReadBuiltIn() => new PolicyFile(BuiltInPath).Read();

    public string Path { get; } = path;

    public ManagedPolicy Read()
    {
        if (!System.IO.Path.IsPathFullyQualified(Path))
        {
            throw Refused("its path is not absolute (fix SovPolicyPath in the build)");
        }

        var folders = new List<PolicyPathEntry>();
        foreach (var folder in PolicyFileCheck.FoldersOf(Path))
        {
            var (entry, errno) = Stat(-100, folder, follow: false);
            if (entry is null)
            {
                return errno == NotFound && folders.Count == 0 ? ManagedPolicy.None : throw Refused(Describe(errno));
            }

            folders.Add(entry);
        }

        int fd;
        do
        {
            fd = Libc.Open(Path, Libc.ReadOnly | Libc.NonBlocking | Libc.CloseOnExec | Libc.NoFollowOpen);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == Libc.Interrupted);

        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == NotFound ? ManagedPolicy.None : throw Refused(Describe(errno));
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        var (file, statErrno) = Stat(fd, "", follow: false);
        if (file is null)
        {
            throw Refused(Describe(statErrno));
        }

        if (PolicyFileCheck.Problem(file with { Path = Path }, folders, trustedOwner) is { } problem)
        {
            throw Refused(problem);
        }

        return PolicyParser.Parse(Path, ReadText(handle));
    }

    private string ReadText(SafeFileHandle handle)
    {
        using var stream = new FileStream(handle, FileAccess.Read, 1);
        var buffer = new byte[ConfigDocument.MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        if (total > ConfigDocument.MaxBytes)
        {
            throw Refused($"it is larger than {ConfigDocument.MaxBytes / 1024} KiB");
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(buffer, 0, total);
        }
        catch (DecoderFallbackException)
        {
            throw Refused("it is not UTF-8 text");
        }
    }

    private static (PolicyPathEntry? Entry, int Errno) Stat(int directory, string path, bool follow)
    {
        var buffer = new byte[256];
        var native = Encoding.UTF8.GetBytes(path + "\0");
        var flags = (follow ? 0 : Libc.NoFollow) | (path.Length == 0 ? Libc.EmptyPath : 0);
        if (Libc.Statx(directory, ref native[0], flags, WantTypeModeUid, ref buffer[0]) != 0)
        {
            return (null, Marshal.GetLastPInvokeError());
        }

        return (new PolicyPathEntry(path, BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(20)), BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28))), 0);
    }

    private static string Describe(int errno) => $"it cannot be read ({Marshal.GetPInvokeErrorMessage(errno)})";

    private SovException Refused(string why) => new(
        $"The managed policy {Path} is refused: {why}.",
        "Ask your administrator to make it a root-owned file (and folders) that only root may write (chmod 644), or to remove it.",
        ExitCodes.Environment);
}
