using System.Runtime.InteropServices;

namespace Sov.Borders.Processes;

/// <summary>
/// A child in a process group of its own, so that a timeout kills everything it started, even what left its
/// process tree (a double fork): the child is started through <c>setsid</c> (which makes it the leader of a new
/// session and group without forking, so its pid is the group's id), and killed with <c>kill(-pgid, SIGKILL)</c>.
/// Without <c>setsid</c> the child runs as it is and only its process tree is killed.
/// </summary>
internal static class ProcessGroup
{
    private const int SigKill = 9;

    private static readonly string? Setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    /// <summary>The argument vector that starts <paramref name="argv"/> as a group leader, and whether it does.</summary>
    public static (IReadOnlyList<string> Argv, bool Grouped) Wrap(IReadOnlyList<string> argv) =>
        Setsid is null ? (argv, false) : ([Setsid, .. argv], true);

    /// <summary>Kills every process of the group led by <paramref name="leader"/> (nothing when it is gone).</summary>
    public static void Kill(int leader)
    {
        if (leader > 1)
        {
            _ = KillNative(-leader, SigKill);
        }
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int KillNative(int pid, int signal);
}
