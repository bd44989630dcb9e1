using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sov.TestKit.Network;

/// <summary>
/// Runs a program (and every child it starts) under <c>strace -f</c> and reports each network attempt:
/// every <c>connect</c>, <c>sendto</c>, <c>sendmsg</c> destination, and every name-resolution step (DNS
/// packets to port 53, reads of resolver configuration, lookup daemon sockets). This sees what the program
/// does at the system-call border, whatever its own code claims. Needs <c>strace</c> (apt) and ptrace.
/// </summary>
public static partial class StraceObserver
{
    public static string? StracePath { get; } =
        new[] { "/usr/bin/strace", "/bin/strace", "/usr/local/bin/strace" }.FirstOrDefault(File.Exists);

    public static async Task<NetworkTrace> RunAsync(
        string program,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string> environment,
        string? workingDirectory = null,
        string? stdin = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var strace = StracePath ?? throw new InvalidOperationException("strace is not installed (apt-get install strace).");
        var log = System.IO.Path.Combine(Directory.CreateTempSubdirectory("sov-strace-").FullName, "trace.log");
        var start = new ProcessStartInfo(strace)
        {
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var arg in new[] { "-f", "-qq", "-e", "trace=connect,sendto,sendmsg,sendmmsg,openat", "-e", "signal=none", "-s", "0", "-o", log, "--", program })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var (k, v) in environment)
        {
            start.Environment[k] = v;
        }

        var run = await ChildProcess.RunAsync(start, stdin, timeout ?? TimeSpan.FromSeconds(90), $"{program} under strace", cancellationToken).ConfigureAwait(false);
        var attempts = Parse(await File.ReadAllLinesAsync(log, cancellationToken).ConfigureAwait(false));
        Directory.Delete(System.IO.Path.GetDirectoryName(log)!, recursive: true);
        return new NetworkTrace(attempts, run.ExitCode, run.Stdout, run.Stderr);
    }

    /// <summary>Parses <c>strace -f -o</c> lines (<c>PID syscall(...) = result</c>).</summary>
    public static IReadOnlyList<NetworkAttempt> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var found = new List<NetworkAttempt>();
        foreach (var line in lines)
        {
            var head = Head().Match(line);
            if (!head.Success)
            {
                continue;
            }

            var pid = int.Parse(head.Groups["pid"].Value, CultureInfo.InvariantCulture);
            var call = head.Groups["call"].Value;
            if (call == "openat")
            {
                var file = ResolverFile().Match(line);
                if (file.Success)
                {
                    found.Add(new NetworkAttempt(pid, "openat", "FILE", file.Groups["path"].Value, null));
                }

                continue;
            }

            var family = Family().Match(line);
            if (!family.Success)
            {
                continue;
            }

            var port = Port().Match(line);
            var address = family.Groups["f"].Value switch
            {
                "AF_INET" => Inet4().Match(line).Groups["a"].Value,
                // .NET's dual-mode sockets write IPv4 destinations as IPv4-mapped IPv6 addresses.
                "AF_INET6" => Inet6().Match(line).Groups["a"].Value is var v6 && v6.StartsWith("::ffff:", StringComparison.Ordinal) && v6.Contains('.', StringComparison.Ordinal) ? v6[7..] : Inet6().Match(line).Groups["a"].Value,
                "AF_UNIX" => Unix().Match(line).Groups["a"].Value,
                _ => "",
            };
            found.Add(new NetworkAttempt(pid, call, family.Groups["f"].Value, address,
                port.Success ? int.Parse(port.Groups["p"].Value, CultureInfo.InvariantCulture) : null));
        }

        return found;
    }

    [GeneratedRegex(@"^(?:\[pid\s+)?(?<pid>\d+)\]?\s+(?<call>connect|sendto|sendmsg|sendmmsg|openat)\(")]
    private static partial Regex Head();

    [GeneratedRegex(@"""(?<path>/etc/(?:resolv\.conf|hosts|nsswitch\.conf|gai\.conf|host\.conf))""")]
    private static partial Regex ResolverFile();

    [GeneratedRegex(@"sa_family=(?<f>AF_[A-Z0-9]+)")]
    private static partial Regex Family();

    [GeneratedRegex(@"sin6?_port=htons\((?<p>\d+)\)")]
    private static partial Regex Port();

    [GeneratedRegex(@"inet_addr\(""(?<a>[^""]+)""\)")]
    private static partial Regex Inet4();

    [GeneratedRegex(@"inet_pton\(AF_INET6,\s*""(?<a>[^""]+)""")]
    private static partial Regex Inet6();

    [GeneratedRegex(@"sun_path=(?<a>@?""[^""]*"")")]
    private static partial Regex Unix();
}
