using System.Text.Json;
using Sov.TestKit;
using Sov.TestKit.Network;

namespace Sov.EndToEnd.Watch;

/// <summary>
/// Contain mode (issue #19): the command runs in a network namespace of its own where the only way out is
/// Sovereign's relay to each allowed endpoint. The allowed loopback server is reached and the connection
/// journaled; a lookup of any name and a connect to 1.1.1.1:443 fail inside at once (no route), and the
/// report shows them.
/// </summary>
public sealed class WatchContainTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string? Unavailable() =>
        !File.Exists("/usr/bin/bwrap") ? "bubblewrap is not installed"
        : !new[] { "/usr/bin/strace", "/bin/strace" }.Any(File.Exists) ? "strace is not installed"
        : null;

    [Fact]
    public async Task AContainedCommandHasNoTerminalToTypeIntoTheShell()
    {
        // Review of #19: with the person's terminal as its controlling terminal, a contained command could push a line
        // into their shell (TIOCSTI), run outside the namespace once the watch ends.
        Assert.SkipWhen(Unavailable() is not null, Unavailable() ?? "");
        Assert.SkipWhen(!File.Exists("/usr/bin/script"), "script (util-linux) is not installed");
        var home = Directory.CreateTempSubdirectory("sov-watch-tty-").FullName;
        try
        {
            var inner = $"{SovBinary.Path} watch --allow 127.0.0.1:9 --format json --out {home}/r.json -- /bin/bash -c "
                + "'if exec 3<>/dev/tty; then echo TTY-OPENED; else echo NO-TTY; fi'";
            var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/script", ["-qec", inner, $"{home}/typescript"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = home,
            };
            start.Environment["SOV_HOME"] = Path.Combine(home, "sov");
            var run = await ChildProcess.RunAsync(start, null, TimeSpan.FromSeconds(60), "sov watch under script", Ct);

            Assert.Contains("NO-TTY", run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("TTY-OPENED", run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task OnlyTheAllowedEndpointIsReachedAndItIsJournaled()
    {
        Assert.SkipWhen(Unavailable() is not null, Unavailable() ?? "");
        await using var server = await LoopbackRecorder.StartAsync(cancellationToken: Ct);
        var port = server.BaseAddress.Port;
        var home = Directory.CreateTempSubdirectory("sov-watch-contain-").FullName;
        var workspace = Directory.CreateTempSubdirectory("sov-watch-contain-ws-").FullName;
        try
        {
            var script = "getent hosts example.com; echo getent=$?; "
                + "(exec 3<>/dev/tcp/1.1.1.1/443) 2>/dev/null; echo tcp=$?; "
                + $"exec 4<>/dev/tcp/127.0.0.1/{port}; printf 'GET /contained HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' >&4; "
                + "IFS= read -r status <&4; echo \"model said: $status\"";
            var run = await SovRun.RunAsync(["watch", "--allow", $"127.0.0.1:{port}", "--format", "json", "--", "/bin/bash", "-c", script],
                sovHome: home, workingDirectory: workspace, cancellationToken: Ct);
            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
            Assert.Contains("getent=2", run.Stderr, StringComparison.Ordinal);      // no name resolves inside
            Assert.Contains("tcp=1", run.Stderr, StringComparison.Ordinal);         // no route out
            Assert.Contains("model said: HTTP/1.", run.Stderr, StringComparison.Ordinal);
            Assert.Equal("/contained", Assert.Single(server.Requests).Path);

            using var json = JsonDocument.Parse(run.Stdout);
            var root = json.RootElement;
            Assert.True(root.GetProperty("contained").GetBoolean());
            var network = root.GetProperty("network");
            var relayed = Assert.Single(network.GetProperty("relayed").EnumerateArray());
            Assert.Equal($"127.0.0.1:{port}", relayed.GetProperty("destination").GetString());
            Assert.True(relayed.GetProperty("bytesOut").GetInt64() > 0);
            var blocked = Assert.Single(network.GetProperty("connections").EnumerateArray(), c => c.GetProperty("address").GetString() == "1.1.1.1");
            Assert.Equal("ENETUNREACH", blocked.GetProperty("result").GetString());
            Assert.True(blocked.GetProperty("hardCoded").GetBoolean());
            Assert.Contains(network.GetProperty("connections").EnumerateArray(), c => c.GetProperty("port").GetInt32() == 53);

            var session = root.GetProperty("journal").GetString()!;
            var journal = Directory.EnumerateFiles(home, session + "*.jsonl", SearchOption.AllDirectories).Single();
            var lines = File.ReadAllLines(journal);
            Assert.Contains(lines, l => l.Contains("\"watch_relay_open\"", StringComparison.Ordinal) && l.Contains($"127.0.0.1:{port}", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("\"watch_relay_close\"", StringComparison.Ordinal));
            var verify = await SovRun.RunAsync(["audit", "verify", session], sovHome: home, cancellationToken: Ct);
            Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
            Directory.Delete(workspace, recursive: true);
        }
    }

    [Fact]
    public async Task AnAllowedEndpointThatIsDownEndsTheConnectionInsideAndIsReported()
    {
        Assert.SkipWhen(Unavailable() is not null, Unavailable() ?? "");
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now: Sovereign's dial is refused
        var script = $"exec 4<>/dev/tcp/127.0.0.1/{port}; printf 'GET / HTTP/1.0\r\n\r\n' >&4; IFS= read -r s <&4; echo \"read ended: [$s]\"";
        var run = await SovRun.RunAsync(["watch", "--allow", $"127.0.0.1:{port}", "--format", "json", "--", "/bin/bash", "-c", script],
            timeout: TimeSpan.FromSeconds(60), cancellationToken: Ct);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Contains("read ended: []", run.Stderr, StringComparison.Ordinal); // the relay passed the end on, not a hang
        using var json = JsonDocument.Parse(run.Stdout);
        var relayed = Assert.Single(json.RootElement.GetProperty("network").GetProperty("relayed").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(relayed.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task AnAddressThatCannotStandInsideIsAUsageError()
    {
        var run = await SovRun.RunAsync(["watch", "--allow", "10.1.2.3:8000", "--", "true"], cancellationToken: Ct);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("host name or a loopback address", run.Stderr, StringComparison.Ordinal);
    }
}
