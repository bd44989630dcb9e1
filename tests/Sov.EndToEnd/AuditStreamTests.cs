using System.Diagnostics;
using Sov.TestKit;
using Sov.TestKit.Model;
using Sov.TestKit.Network;

namespace Sov.EndToEnd;

/// <summary>
/// #20: with a collector configured, a session's records stream to it while it runs (an OTLP/HTTP collector on
/// loopback), <c>sov audit export</c> resumes from the collector's cursor without sending anything twice, <c>--status</c>
/// says how far the collector got, and <c>--follow</c> flushes and exits cleanly on SIGTERM.
/// </summary>
public sealed class AuditStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Config(OtlpCollector collector) =>
        $"[audit.export]\nendpoint = \"{collector.Endpoint}\"\ninterval_seconds = 0.05\nbackoff_max_seconds = 0.5\n";

    private static IEnumerable<string> SessionFiles(string home) => Directory.GetFiles(Path.Combine(home, "journal"), "*.jsonl");

    private static void AssertEachSessionArrivedOnceInOrder(OtlpCollector collector, string home)
    {
        foreach (var file in SessionFiles(home))
        {
            var session = Path.GetFileNameWithoutExtension(file);
            var received = collector.Records.Where(r => r.Session == session).Select(r => r.Body).ToList();
            var lines = File.ReadAllLines(file);
            Assert.True(received.Count <= lines.Length, $"{session}: more records arrived than it has");
            Assert.Equal(lines[..received.Count], received); // in order, none twice (only its trailing records may still wait)
        }
    }

    [Fact]
    public async Task ASessionStreamsWhileItRunsAndExportResumesFromTheCursorWithoutDuplicates()
    {
        await using var collector = await OtlpCollector.StartAsync(Ct);
        await using var server = await ScriptedModelServer.StartAsync(Ct);
        server.Enqueue(ScriptedResponse.Text("hello"));
        var home = Directory.CreateTempSubdirectory("sov-stream-home-").FullName;
        File.WriteAllText(Path.Combine(home, "config.toml"), Config(collector));

        var exec = await SovRun.RunAsync(["exec", "--endpoint", server.BaseUrl.ToString(), "--model", "scripted-model", "say hello"], sovHome: home, cancellationToken: Ct);
        Assert.True(exec.ExitCode == 0, exec.Stderr);
        // The exec session, and the small audit-export session that journals the last pass after its seal (#20).
        var session = Path.GetFileNameWithoutExtension(Assert.Single(SessionFiles(home), f => !File.ReadLines(f).First().Contains("\"kind\":\"audit-export\"", StringComparison.Ordinal)));
        var streamed = collector.Records.Where(r => r.Session == session).ToList();
        Assert.Contains(streamed, r => r.Type == "egress_request"); // sent by the session itself, before any export command
        // #20: the session's whole journal, its seal included, reached the collector before 'sov exec' ended (no later run needed).
        Assert.Equal(File.ReadAllLines(Path.Combine(home, "journal", session + ".jsonl")), streamed.Select(r => r.Body));
        Assert.Equal("seal", streamed[^1].Type);
        AssertEachSessionArrivedOnceInOrder(collector, home);

        for (var run = 0; run < 2; run++)
        {
            var export = await SovRun.RunAsync(["audit", "export", "--format", "otlp"], sovHome: home, cancellationToken: Ct);
            Assert.True(export.ExitCode == 0, export.Stderr);
        }

        AssertEachSessionArrivedOnceInOrder(collector, home);
        Assert.Equal(File.ReadAllLines(Path.Combine(home, "journal", session + ".jsonl")),
            collector.Records.Where(r => r.Session == session).Select(r => r.Body)); // the session's tail (its seal) too

        var status = await SovRun.RunAsync(["audit", "export", "--status"], sovHome: home, cancellationToken: Ct);
        Assert.True(status.ExitCode == 0, status.Stderr);
        Assert.Contains($"collector     {collector.Endpoint}v1/logs", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("acknowledged  session ", status.Stdout, StringComparison.Ordinal);

        var verify = await SovRun.RunAsync(["audit", "verify", "--all"], sovHome: home, cancellationToken: Ct);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
    }

    [Fact]
    public async Task FollowSendsAndFlushesOnSigtermThenExitsCleanly()
    {
        using var f = new AuditJournalFixture();
        await using var collector = await OtlpCollector.StartAsync(Ct);
        File.WriteAllText(Path.Combine(f.Home, "config.toml"), Config(collector));
        var start = new ProcessStartInfo("timeout") { WorkingDirectory = f.Home };
        foreach (var arg in (string[])["--preserve-status", "-s", "TERM", "3", SovBinary.Path, "audit", "export", "--format", "otlp", "--follow"])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["SOV_HOME"] = f.Home;
        var result = await ChildProcess.RunAsync(start, null, TimeSpan.FromSeconds(60), "sov audit export --follow", Ct);

        Assert.True(result.ExitCode is 0 or 130, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.Contains("exported ", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(f.Lines(), collector.Records.Where(r => r.Session == AuditJournalFixture.Session).Select(r => r.Body));
    }
}
