using System.Globalization;

namespace Sov.TestKit.Diagnostics;

/// <summary>
/// The processes a process started, at any depth (read from /proc), one line each: pid, state and command line.
/// A hang report names them, since a test waiting on a child that never ends (or on a pipe a grandchild holds
/// open) shows there as a process that is still alive (CI stop 24).
/// </summary>
public static class ChildProcesses
{
    public static IReadOnlyList<string> Of(int root)
    {
        var parents = new Dictionary<int, List<int>>();
        var lines = new Dictionary<int, string>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                var args = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ').Trim();
                lines[pid] = $"pid {pid} ({fields[0]}): {(args.Length > 160 ? args[..160] + "…" : args)}";
                (parents.TryGetValue(parent, out var children) ? children : parents[parent] = []).Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // a process that ended while it was read
            }
        }

        var found = new List<string>();
        var stack = new Stack<(int Pid, int Depth)>();
        foreach (var child in Enumerable.Reverse(parents.GetValueOrDefault(root) ?? []))
        {
            stack.Push((child, 0));
        }

        while (stack.TryPop(out var next))
        {
            found.Add(new string(' ', 2 * next.Depth) + lines[next.Pid]);
            foreach (var child in Enumerable.Reverse(parents.GetValueOrDefault(next.Pid) ?? []))
            {
                stack.Push((child, next.Depth + 1));
            }
        }

        return found;
    }
}
