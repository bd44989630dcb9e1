using System.Text.Json;
using Sov.TestKit;
using Sov.TestKit.Watch;

namespace Sov.EndToEnd.Watch;

/// <summary>
/// <c>sov watch</c> pointed at the spy fixture (issue #19): every behaviour appears under its category, in text
/// and in JSON, and a clean run gives an empty report. The spy runs in a network namespace of its own, so its
/// lookups and its connect to 203.0.113.7 are refused inside the machine and still traced.
/// </summary>
public sealed class WatchSpyTests : IDisposable
{
    private static readonly string[] AllCategories = ["--fail-on", "hosts,hardcoded,machine-reads,hidden,processes"];
    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("sov-watch-ws-");
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("sov-watch-home-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Dictionary<string, string> Env() => new()
    {
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["HOME"] = _home.FullName,
        ["HTTPS_PROXY"] = "http://proxy.corp.example:3128",
        ["OPENAI_API_KEY"] = "sk-not-a-real-key",
        ["LANG"] = "C.UTF-8",
    };

    private Task<SovResult> WatchAsync(bool clean, params string[] options) =>
        WatchSpy.RunAsync(clean, [SovBinary.Path, "watch", .. options], _workspace.FullName, Env(), Ct);

    [Fact]
    public async Task EveryBehaviourOfTheSpyIsInTheJsonReport()
    {
        Assert.SkipWhen(WatchSpy.Unavailable() is not null, WatchSpy.Unavailable() ?? "");
        var run = await WatchAsync(false, ["--format", "json", .. AllCategories]);
        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Stderr}");
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        var network = root.GetProperty("network");
        var lookups = network.GetProperty("lookups").EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToList();
        Assert.Contains("telemetry.vendor.example", lookups);   // through libc
        Assert.Contains("rum.vendor.example", lookups);         // through its own resolver at a hard-coded address
        var connections = network.GetProperty("connections").EnumerateArray().ToList();
        var hardCoded = Assert.Single(connections, c => c.GetProperty("hardCoded").GetBoolean());
        Assert.Equal("203.0.113.7", hardCoded.GetProperty("address").GetString());
        Assert.Equal(443, hardCoded.GetProperty("port").GetInt32());
        Assert.Contains(connections, c => c.GetProperty("serverNames").EnumerateArray().Any(n => n.GetString() == "api.vendor.example"));
        var model = Assert.Single(connections, c => c.GetProperty("expected").GetBoolean());
        Assert.True(model.GetProperty("bytesSent").GetInt64() > 100);
        Assert.Contains(network.GetProperty("unixSockets").EnumerateArray(), u => u.GetString() == "/run/dbus/system_bus_socket");

        var reads = root.GetProperty("machineReads").EnumerateArray().Select(r => $"{r.GetProperty("kind").GetString()} {r.GetProperty("path").GetString()}").ToList();
        Assert.Contains("time-zone /etc/localtime", reads);
        Assert.Contains("host-identity /etc/hostname", reads);
        Assert.Contains($"credentials {_home.FullName}/.ssh/id_ed25519", reads);
        var environment = root.GetProperty("environment").EnumerateArray().Select(e => $"{e.GetProperty("name").GetString()}:{e.GetProperty("kind").GetString()}").ToList();
        Assert.Equal(["HTTPS_PROXY:proxy", "LANG:locale", "OPENAI_API_KEY:key"], environment);
        Assert.DoesNotContain("sk-not-a-real-key", run.Stdout, StringComparison.Ordinal); // names only, never values

        var process = Assert.Single(root.GetProperty("processes").EnumerateArray());
        Assert.Equal(["uname", "-a"], process.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()));

        var hidden = root.GetProperty("hidden").EnumerateArray().Select(h => $"{h.GetProperty("source").GetString()}|{h.GetProperty("rule").GetString()}|{h.GetProperty("message").GetString()}").ToList();
        Assert.Contains(hidden, h => h.StartsWith("stdout|zero-width-run|", StringComparison.Ordinal));
        Assert.Contains(hidden, h => h.StartsWith("sent to 127.0.0.1:", StringComparison.Ordinal) && h.Contains("|zero-width-run|", StringComparison.Ordinal));
        Assert.Contains(hidden, h => h.StartsWith("notes.md|trailing-whitespace-pattern|", StringComparison.Ordinal) && h.Contains("decodes to \"OK\"", StringComparison.Ordinal));
        foreach (var category in new[] { "hosts", "hardcoded", "machine-reads", "hidden", "processes" })
        {
            Assert.True(root.GetProperty("verdicts").GetProperty(category).GetProperty("flagged").GetBoolean(), category);
        }
    }

    [Fact]
    public async Task EveryBehaviourOfTheSpyIsInTheTextReport()
    {
        Assert.SkipWhen(WatchSpy.Unavailable() is not null, WatchSpy.Unavailable() ?? "");
        var run = await WatchAsync(false, "--fail-on", "hardcoded");
        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Stderr}");
        foreach (var expected in new[]
        {
            "telemetry.vendor.example", "rum.vendor.example", "203.0.113.7:443: ECONNREFUSED", "HARD-CODED", "TLS server name api.vendor.example",
            "/run/dbus/system_bus_socket", "time zone:", "/etc/localtime", "host identity:", "/etc/hostname", "credentials:", ".ssh/id_ed25519 (probed, absent)",
            "HTTPS_PROXY (proxy)", "OPENAI_API_KEY (key)", "LANG (locale)", "uname -a", "stdout line 1: zero-width-run", "decodes to \"OK\"",
            "Verdict: hosts FLAGGED, hardcoded FLAGGED, machine-reads FLAGGED, hidden FLAGGED, processes FLAGGED",
        })
        {
            Assert.Contains(expected, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ACleanRunGivesAnEmptyReport()
    {
        Assert.SkipWhen(WatchSpy.Unavailable() is not null, WatchSpy.Unavailable() ?? "");
        var json = await WatchAsync(true, ["--format", "json", .. AllCategories]);
        Assert.True(json.ExitCode == 0, $"exit {json.ExitCode}: {json.Stdout}\n{json.Stderr}");
        using var report = JsonDocument.Parse(json.Stdout);
        var root = report.RootElement;
        Assert.Empty(root.GetProperty("network").GetProperty("lookups").EnumerateArray());
        Assert.All(root.GetProperty("network").GetProperty("connections").EnumerateArray(), c => Assert.True(c.GetProperty("expected").GetBoolean()));
        foreach (var list in new[] { "machineReads", "processes", "hidden" })
        {
            Assert.Empty(root.GetProperty(list).EnumerateArray());
        }

        var text = await WatchAsync(true, AllCategories);
        Assert.True(text.ExitCode == 0, text.Stdout);
        Assert.Contains("Verdict: hosts clean, hardcoded clean, machine-reads clean, hidden clean, processes clean", text.Stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _workspace.Delete(recursive: true);
        _home.Delete(recursive: true);
    }
}
