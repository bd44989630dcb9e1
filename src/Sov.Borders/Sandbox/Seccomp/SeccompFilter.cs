using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Sov.Borders.Sandbox.Seccomp;

/// <summary>
/// The seccomp filter every sandboxed command runs under (bubblewrap's <c>--seccomp</c>): a classic BPF
/// program, assembled here, that answers EPERM to the system calls a coding command never needs and an
/// attacker would: mounting and unmounting (old and new mount API), <c>pivot_root</c>, <c>chroot</c>,
/// <c>ptrace</c> and reading or writing other processes' memory, keyrings, <c>bpf</c>,
/// <c>perf_event_open</c>, <c>userfaultfd</c>, new namespaces (<c>unshare</c>, <c>setns</c>, <c>clone</c>
/// with a namespace flag), kernel modules, kexec, reboot, swap, <c>open_by_handle_at</c>, and the terminal
/// injection ioctls TIOCSTI and TIOCLINUX. <c>clone3</c>, whose flags a filter cannot read, answers ENOSYS
/// so the C library falls back to <c>clone</c>. System calls of another architecture (i386 or x32 on
/// x86-64) are refused whole, so the table cannot be sidestepped.
/// </summary>
public static class SeccompFilter
{
    private const ushort LdAbsW = 0x20;   // BPF_LD | BPF_W | BPF_ABS
    private const ushort JeqK = 0x15;     // BPF_JMP | BPF_JEQ | BPF_K
    private const ushort JgeK = 0x35;     // BPF_JMP | BPF_JGE | BPF_K
    private const ushort JsetK = 0x45;    // BPF_JMP | BPF_JSET | BPF_K
    private const ushort RetK = 0x06;     // BPF_RET | BPF_K

    private const uint Allow = 0x7fff_0000;
    private const uint ErrnoBase = 0x0005_0000;
    private const uint Eperm = 1;
    private const uint Enosys = 38;

    // struct seccomp_data: int nr; __u32 arch; __u64 instruction_pointer; __u64 args[6] (little-endian: low word first).
    private const uint NrOffset = 0;
    private const uint ArchOffset = 4;
    private static uint ArgLow(int index) => (uint)(16 + (8 * index));

    /// <summary>CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET and NEWTIME.</summary>
    public const uint NamespaceFlags = 0x0002_0000 | 0x0200_0000 | 0x0400_0000 | 0x0800_0000 | 0x1000_0000 | 0x2000_0000 | 0x4000_0000 | 0x0000_0080;

    /// <summary>TIOCSTI (push a byte into the terminal's input) and TIOCLINUX (which can do the same on a console).</summary>
    public static readonly IReadOnlyList<uint> RefusedIoctls = [0x5412, 0x541C];

    /// <summary>The filter for the machine this runs on, or null on an architecture without a table.</summary>
    public static byte[]? ForThisMachine() =>
        SeccompSyscalls.For(RuntimeInformation.ProcessArchitecture) is { } table ? Build(table) : null;

    /// <summary>The BPF program (an array of 8-byte <c>struct sock_filter</c>) for one architecture's table.</summary>
    public static byte[] Build(SeccompSyscalls table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var p = new List<(ushort Code, byte Jt, byte Jf, uint K)>
        {
            (LdAbsW, 0, 0, ArchOffset),
            (JeqK, 1, 0, table.AuditArch),
            (RetK, 0, 0, ErrnoBase | Eperm),
            (LdAbsW, 0, 0, NrOffset),
        };
        if (table.SyscallBitToRefuse != 0)
        {
            // x32 system calls carry bit 30 on x86-64: another table, refused whole.
            p.Add((JgeK, 0, 1, table.SyscallBitToRefuse));
            p.Add((RetK, 0, 0, ErrnoBase | Eperm));
        }

        foreach (var nr in table.Refused)
        {
            p.Add((JeqK, 0, 1, nr));
            p.Add((RetK, 0, 0, ErrnoBase | Eperm));
        }

        p.Add((JeqK, 0, 1, table.Clone3Nr));
        p.Add((RetK, 0, 0, ErrnoBase | Enosys));

        // clone(flags, ...): refused with any namespace flag.
        p.Add((JeqK, 0, 4, table.CloneNr));
        p.Add((LdAbsW, 0, 0, ArgLow(0)));
        p.Add((JsetK, 0, 1, NamespaceFlags));
        p.Add((RetK, 0, 0, ErrnoBase | Eperm));
        p.Add((RetK, 0, 0, Allow));

        // ioctl(fd, request, ...): the terminal-injection requests (the kernel compares the low 32 bits).
        p.Add((JeqK, 0, (byte)(RefusedIoctls.Count * 2 + 2), table.IoctlNr));
        p.Add((LdAbsW, 0, 0, ArgLow(1)));
        foreach (var request in RefusedIoctls)
        {
            p.Add((JeqK, 0, 1, request));
            p.Add((RetK, 0, 0, ErrnoBase | Eperm));
        }

        p.Add((RetK, 0, 0, Allow));
        p.Add((RetK, 0, 0, Allow));

        var bytes = new byte[p.Count * 8];
        for (var i = 0; i < p.Count; i++)
        {
            var span = bytes.AsSpan(i * 8, 8);
            BinaryPrimitives.WriteUInt16LittleEndian(span, p[i].Code);
            span[2] = p[i].Jt;
            span[3] = p[i].Jf;
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], p[i].K);
        }

        return bytes;
    }
}
