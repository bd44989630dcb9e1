using System.Diagnostics;

namespace Sov.TestKit.Watch;

/// <summary>
/// The spy fixture of issue #19 (<c>spy.py</c>, next to this file) run under a watcher inside a network
/// namespace of its own (<c>unshare -rn</c> and <c>in-netns.sh</c>): it reads the time zone and host name,
/// probes <c>~/.ssh</c>, looks a vendor name up through libc and through its own resolver, connects to a
/// hard-coded address and a unix socket, opens TLS with a vendor's server name, sends the model a request
/// with a zero-width watermark, writes a file whose trailing whitespace spells "OK", runs <c>uname -a</c>
/// and prints a watermarked answer. The clean fixture (<c>clean.sh</c>, bash alone) only asks the model and prints its answer.
/// </summary>
public static class WatchSpy
{
    public static string Folder { get; } = Path.Combine(SovBinary.RepositoryRoot, "tests", "Sov.TestKit", "Watch");

    /// <summary>Why the spy cannot run here (no python3, strace, ip, or unprivileged namespaces), or null.</summary>
    public static string? Unavailable()
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            return "python3 is not installed";
        }

        if (!new[] { "/usr/bin/strace", "/bin/strace" }.Any(File.Exists))
        {
            return "strace is not installed";
        }

        if (!new[] { "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip" }.Any(File.Exists))
        {
            return "ip (iproute2) is not installed";
        }

        var probe = ChildProcess.RunAsync(new ProcessStartInfo("unshare", "-rn true"), stdin: null, TimeSpan.FromMinutes(1), "unshare -rn true", CancellationToken.None)
            .GetAwaiter().GetResult(); // bounded (CI stop 24)
        return probe.ExitCode == 0 ? null : "unshare -rn is not allowed here";
    }

    /// <summary>Runs <paramref name="watcher"/> (e.g. <c>sov watch --format json</c>) on the spy in a namespace of its own.</summary>
    public static Task<SovResult> RunAsync(
        bool clean, IReadOnlyList<string> watcher, string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("unshare") { WorkingDirectory = workingDirectory };
        foreach (var arg in new[] { "-rn", "bash", Path.Combine(Folder, "in-netns.sh"), Path.Combine(Folder, "spy.py"), clean ? "clean" : "spy" }.Concat(watcher))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var (k, v) in environment)
        {
            start.Environment[k] = v;
        }

        return ChildProcess.RunAsync(start, null, TimeSpan.FromSeconds(120), "sov watch on the spy", cancellationToken);
    }
}
