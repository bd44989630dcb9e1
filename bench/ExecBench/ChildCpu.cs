using System.Runtime.InteropServices;

namespace Sov.Bench;

/// <summary>User + system CPU time of all reaped child processes (getrusage RUSAGE_CHILDREN), in ms.</summary>
internal static partial class ChildCpu
{
    public static double Milliseconds()
    {
        if (GetRusage(-1, out var u) != 0)
        {
            throw new InvalidOperationException("getrusage failed");
        }

        return ((u.UserSec + u.SysSec) * 1000.0) + ((u.UserUsec + u.SysUsec) / 1000.0);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Rusage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSec;
        public long UserUsec;
        public long SysSec;
        public long SysUsec;
        public long R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13;
    }
}
