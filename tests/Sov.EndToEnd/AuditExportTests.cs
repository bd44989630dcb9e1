using System.Text.Json;
using Sov.TestKit;
using Sov.TestKit.Network;

namespace Sov.EndToEnd;

/// <summary>`sov audit export`: JSON lines to stdout; OTLP/HTTP only to the configured collector, through the gate.</summary>
public sealed class AuditExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> ProxyVariables = new()
    {
        ["HTTP_PROXY"] = "", ["HTTPS_PROXY"] = "", ["ALL_PROXY"] = "", ["http_proxy"] = "", ["https_proxy"] = "", ["all_proxy"] = "",
    };

    [Fact]
    public async Task JsonlPrintsTheRecordsVerbatim()
    {
        using var f = new AuditJournalFixture();
        var result = await SovRun.RunAsync(["audit", "export", "--format", "jsonl"], sovHome: f.Home, cancellationToken: Ct);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Join("\n", f.Lines()) + "\n", result.Stdout);
    }

    [Fact]
    public async Task OtlpWithoutAConfiguredCollectorSendsNothingAndExitsThree()
    {
        using var f = new AuditJournalFixture();
        var result = await SovRun.RunAsync(["audit", "export", "--format", "otlp"], sovHome: f.Home, cancellationToken: Ct);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("[audit.export] endpoint", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtlpPostsEveryRecordToTheCollectorAndJournalsTheExport()
    {
        using var f = new AuditJournalFixture();
        await using var collector = await LoopbackRecorder.StartAsync(cancellationToken: Ct);
        File.WriteAllText(Path.Combine(f.Home, "config.toml"), $"[audit.export]\nendpoint = \"{collector.BaseAddress}\"\n");
        var result = await SovRun.RunAsync(["audit", "export", "--format", "otlp"], sovHome: f.Home, cancellationToken: Ct);
        Assert.Equal(0, result.ExitCode);
        var request = Assert.Single(collector.Requests);
        Assert.Equal("/v1/logs", request.Path);
        using var doc = JsonDocument.Parse(request.Body);
        var records = doc.RootElement.GetProperty("resourceLogs")[0].GetProperty("scopeLogs")[0].GetProperty("logRecords");
        Assert.Equal(f.Lines(), records.EnumerateArray().Select(r => r.GetProperty("body").GetProperty("stringValue").GetString()));

        // The export itself is a journaled session, and it verifies.
        var verify = await SovRun.RunAsync(["audit", "verify", "--all"], sovHome: f.Home, cancellationToken: Ct);
        Assert.Equal(0, verify.ExitCode);
        var exportLog = await SovRun.RunAsync(["audit", "export", "--format", "jsonl"], sovHome: f.Home, cancellationToken: Ct);
        Assert.Contains("\"kind\":\"audit-export\"", exportLog.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"purpose\":\"audit-export\"", exportLog.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyVariablesAreIgnoredAndOnlyAConfiguredProxyIsUsed()
    {
        // Attack pinned: .NET's HttpClient honours HTTP(S)_PROXY by default, which would route every request
        // (and the model's prompts) through whoever set the variable. The collector's name does not resolve,
        // so the only way any request could get anywhere is through the canary "proxy".
        using var f = new AuditJournalFixture();
        using var canary = new CanaryListener();
        File.WriteAllText(Path.Combine(f.Home, "config.toml"), "[audit.export]\nendpoint = \"http://collector.sov-test.invalid:4318\"\n");
        var environment = ProxyVariables.ToDictionary(kv => kv.Key, _ => canary.Address.ToString());
        var ignored = await SovRun.RunAsync(["audit", "export", "--format", "otlp"], sovHome: f.Home, environment: environment, cancellationToken: Ct);
        Assert.Equal(3, ignored.ExitCode);
        Assert.Contains("Cannot reach the collector", ignored.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, canary.Connections);

        File.AppendAllText(Path.Combine(f.Home, "config.toml"), $"[network]\nproxy = \"{canary.Address}\"\n");
        var configured = await SovRun.RunAsync(["audit", "export", "--format", "otlp"], sovHome: f.Home, cancellationToken: Ct);
        Assert.NotEqual(0, configured.ExitCode); // the canary hangs up; what matters is that it was asked
        Assert.True(canary.Connections >= 1);
    }
}
