using Sov.TestKit;
using Sov.TestKit.Network;

namespace Sov.EndToEnd;

/// <summary>
/// The published binary under strace: the system calls, not our own code, say where it reached.
/// (Needs strace, installed by .ci/run and install.sh; skipped with a reason when it is missing.)
/// </summary>
public sealed class AuditEgressTraceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Env(string home) => new()
    {
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["SOV_HOME"] = home,
        // Set to lure a careless HTTP stack; Sovereign must ignore them.
        ["HTTPS_PROXY"] = "http://198.51.100.7:3128",
        ["HTTP_PROXY"] = "http://198.51.100.7:3128",
    };

    [Fact]
    public async Task LocalCommandsTouchNoNetworkAtAll()
    {
        Assert.SkipWhen(StraceObserver.StracePath is null, "strace is not installed");
        using var f = new AuditJournalFixture();
        File.WriteAllText(Path.Combine(f.Home, "config.toml"), "endpoint = \"http://127.0.0.1:8000/v1\"\n");
        foreach (var args in new[] { new[] { "audit", "verify", "--all" }, ["audit", "show", "2"], ["privacy"], ["--version"] })
        {
            var trace = await StraceObserver.RunAsync(SovBinary.Path, args, Env(f.Home), cancellationToken: Ct);
            Assert.Equal(0, trace.ExitCode);
            var inet = trace.Attempts.Where(a => a.IsInternet || a.IsNameResolution).ToList();
            Assert.True(inet.Count == 0, $"sov {string.Join(' ', args)} reached out: {string.Join("; ", inet)}");
        }
    }

    [Fact]
    public async Task OtlpExportReachesTheCollectorAndNothingElseWithoutResolvingAName()
    {
        Assert.SkipWhen(StraceObserver.StracePath is null, "strace is not installed");
        using var f = new AuditJournalFixture();
        await using var collector = await LoopbackRecorder.StartAsync(cancellationToken: Ct);
        File.WriteAllText(Path.Combine(f.Home, "config.toml"), $"[audit.export]\nendpoint = \"{collector.BaseAddress}\"\n");
        var trace = await StraceObserver.RunAsync(SovBinary.Path, ["audit", "export", "--format", "otlp"], Env(f.Home), cancellationToken: Ct);
        Assert.Equal(0, trace.ExitCode);
        Assert.Equal([$"127.0.0.1:{collector.BaseAddress.Port}"], trace.Destinations);
        Assert.Empty(trace.NameResolution);
        Assert.Single(collector.Requests);
    }
}
