using System.Diagnostics;

namespace Sov.TestKit;

/// <summary>Ends a background job a test's program left behind on purpose, named by the pid file it wrote (CI stop 24).</summary>
public static class LeftoverProcess
{
    public static void KillNamedIn(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            return;
        }

        try
        {
            using var leftover = Process.GetProcessById(pid);
            leftover.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // already gone
        }
    }
}
