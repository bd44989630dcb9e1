using System.Runtime.InteropServices;

namespace Sov.Borders.Sandbox.Seccomp;

/// <summary>
/// One architecture's numbers for the filter: its audit architecture, the system calls refused outright,
/// and the three inspected by argument (<c>clone</c>, <c>clone3</c>, <c>ioctl</c>). Numbers from the
/// kernel's <c>asm/unistd_64.h</c> (x86-64) and <c>asm-generic/unistd.h</c> (arm64); a test compares them
/// with the headers when those are installed.
/// </summary>
public sealed record SeccompSyscalls(uint AuditArch, uint SyscallBitToRefuse, uint CloneNr, uint Clone3Nr, uint IoctlNr, IReadOnlyDictionary<string, uint> RefusedByName)
{
    public IEnumerable<uint> Refused => RefusedByName.Values.Order();

    /// <summary>The new mount API and the newer calls share one numbering on every architecture.</summary>
    private static readonly Dictionary<string, uint> Unified = new(StringComparer.Ordinal)
    {
        ["open_tree"] = 428, ["move_mount"] = 429, ["fsopen"] = 430, ["fsconfig"] = 431, ["fsmount"] = 432,
        ["fspick"] = 433, ["pidfd_getfd"] = 438, ["mount_setattr"] = 442, ["open_tree_attr"] = 467,
    };

    public static readonly SeccompSyscalls X64 = new(0xC000_003E, 0x4000_0000, CloneNr: 56, Clone3Nr: 435, IoctlNr: 16, With(new()
    {
        ["mount"] = 165, ["umount2"] = 166, ["pivot_root"] = 155, ["chroot"] = 161, ["ptrace"] = 101,
        ["process_vm_readv"] = 310, ["process_vm_writev"] = 311, ["keyctl"] = 250, ["add_key"] = 248,
        ["request_key"] = 249, ["bpf"] = 321, ["perf_event_open"] = 298, ["userfaultfd"] = 323, ["unshare"] = 272,
        ["setns"] = 308, ["init_module"] = 175, ["finit_module"] = 313, ["delete_module"] = 176,
        ["kexec_load"] = 246, ["kexec_file_load"] = 320, ["reboot"] = 169, ["swapon"] = 167, ["swapoff"] = 168,
        ["acct"] = 163, ["open_by_handle_at"] = 304, ["name_to_handle_at"] = 303, ["quotactl"] = 179,
        ["syslog"] = 103, ["iopl"] = 172, ["ioperm"] = 173, ["uselib"] = 134, ["vhangup"] = 153,
        ["lookup_dcookie"] = 212,
    }));

    public static readonly SeccompSyscalls Arm64 = new(0xC000_00B7, 0, CloneNr: 220, Clone3Nr: 435, IoctlNr: 29, With(new()
    {
        ["mount"] = 40, ["umount2"] = 39, ["pivot_root"] = 41, ["chroot"] = 51, ["ptrace"] = 117,
        ["process_vm_readv"] = 270, ["process_vm_writev"] = 271, ["keyctl"] = 219, ["add_key"] = 217,
        ["request_key"] = 218, ["bpf"] = 280, ["perf_event_open"] = 241, ["userfaultfd"] = 282, ["unshare"] = 97,
        ["setns"] = 268, ["init_module"] = 105, ["finit_module"] = 273, ["delete_module"] = 106,
        ["kexec_load"] = 104, ["kexec_file_load"] = 294, ["reboot"] = 142, ["swapon"] = 224, ["swapoff"] = 225,
        ["acct"] = 89, ["open_by_handle_at"] = 265, ["name_to_handle_at"] = 264, ["quotactl"] = 60,
        ["syslog"] = 116, ["vhangup"] = 58, ["lookup_dcookie"] = 18,
    }));

    public static SeccompSyscalls? For(Architecture architecture) => architecture switch
    {
        Architecture.X64 => X64,
        Architecture.Arm64 => Arm64,
        _ => null,
    };

    private static Dictionary<string, uint> With(Dictionary<string, uint> own)
    {
        foreach (var (name, nr) in Unified)
        {
            own[name] = nr;
        }

        return own;
    }
}
