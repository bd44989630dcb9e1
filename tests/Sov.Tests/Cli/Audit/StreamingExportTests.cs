using Sov.Cli.Audit;
using Sov.Core.Audit;
using Sov.Core.Audit.Export;
using Sov.Core.Audit.Records;
using Sov.Core.Config;
using Sov.Core.Secrets;
using Sov.TestKit.Network;
using Sov.Tests.Audit;
using Sov.Tests.Audit.Export;

namespace Sov.Tests.Cli.Audit;

/// <summary>
/// #20: a session's records stream to a real OTLP/HTTP collector (Kestrel on 127.0.0.1) through the egress gate, and
/// survive the collector going away: every record arrives once, in order.
/// </summary>
public sealed class StreamingExportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sov-stream-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static BorderConfig Borders(Uri endpoint, ExportSettings settings) =>
        BorderConfig.Empty with { ExportEndpoint = endpoint, Export = new AuditExportSection(endpoint) { Settings = settings } };

    private static readonly ExportSettings Quick = new()
    {
        BatchRecords = 16, Interval = TimeSpan.FromMilliseconds(50), BackoffInitial = TimeSpan.FromMilliseconds(100),
        BackoffMax = TimeSpan.FromSeconds(1), FlushTimeout = TimeSpan.FromSeconds(5), Attempts = 3,
    };

    private static List<OtlpLogRecord> Of(OtlpCollector collector, string session) => [.. collector.Records.Where(r => r.Session == session)];

    [Fact]
    public async Task TheCollectorDownForThirtySecondsDuringASessionLosesNothingAndDuplicatesNothing()
    {
        await using var collector = await OtlpCollector.StartAsync(Ct);
        var borders = Borders(collector.Endpoint, Quick);
        var journal = Journal.Start(_dir, JournalFixture.Info);
        var observer = new JournalEgressObserver(journal);
        var export = SessionExport.Start(borders, journal, observer, new Redactor(RedactionOptions.None))!;
        for (var i = 0; i < 10; i++)
        {
            journal.Append(new NoticeRecord("info", $"before {i}"));
        }

        var last = journal.Head.Seq;
        await Poll.UntilAsync(() => Of(collector, journal.Session).Any(r => r.Seq == last), "the first records stream while the session runs");

        // Down for 30 s while the session keeps writing (the backoff cap is 1 s, so the exporter tries ~30 times).
        await collector.StopAsync();
        var down = DateTimeOffset.UtcNow;
        for (var i = 0; DateTimeOffset.UtcNow - down < TimeSpan.FromSeconds(30); i++)
        {
            journal.Append(new NoticeRecord("info", $"while down {i}"));
            await Task.Delay(500, Ct); // pacing the session's writes, not waiting for a result
        }

        await collector.StartAgainAsync(Ct); // the same port
        journal.Append(new NoticeRecord("info", "after"));
        last = journal.Head.Seq;
        await Poll.UntilAsync(() => Of(collector, journal.Session).Any(r => r.Seq == last), "the exporter catches up once the collector is back");
        export.Dispose();
        journal.Dispose();

        // A later exporter (another process: only the cursor carries over) sends what trailed the session.
        await new JournalExporter(_dir, new OtlpHttpTransport(SessionExport.Client(borders, collector.Endpoint, new EgressSink(), new Redactor(RedactionOptions.None)),
            collector.Endpoint, TimeProvider.System), Quick, TimeProvider.System, new Random(2)).RunOnceAsync(TimeSpan.FromSeconds(10), Ct);

        var received = Of(collector, journal.Session);
        Assert.Equal(File.ReadAllLines(journal.FilePath), received.Select(r => r.Body));
        Assert.Equal(received.Select(r => r.Seq).Distinct(), received.Select(r => r.Seq));
        var lines = File.ReadAllLines(journal.FilePath);
        Assert.Contains(lines, l => l.Contains("\"purpose\":\"audit-export\"", StringComparison.Ordinal) && l.Contains("egress_request", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("takes records again", StringComparison.Ordinal)); // the journal says the collector was gone and came back
    }

    [Fact]
    public async Task ACollectorAnswering429WithRetryAfterAnd500IsAskedAgain()
    {
        await using var collector = await OtlpCollector.StartAsync(Ct);
        collector.Respond = n => n switch { 1 => (429, 1), 2 => (500, null), _ => null };
        using (var session = Journal.Start(_dir, JournalFixture.Info))
        {
            session.Append(new NoticeRecord("info", "one"));
        }

        var exportJournal = Journal.Start(_dir, JournalFixture.Info with { Kind = "audit-export" });
        var borders = Borders(collector.Endpoint, Quick);
        using var client = SessionExport.Client(borders, collector.Endpoint, new JournalEgressObserver(exportJournal), new Redactor(RedactionOptions.None));
        var exporter = new JournalExporter(_dir, new OtlpHttpTransport(client, collector.Endpoint, TimeProvider.System), Quick, TimeProvider.System, new Random(3))
        {
            OwnSession = exportJournal.Session,
        };
        var started = DateTimeOffset.UtcNow;
        await exporter.RunOnceAsync(TimeSpan.FromSeconds(10), Ct);
        exportJournal.Dispose();

        Assert.Equal(4, collector.Requests); // 429, 500, then the session; and the export journal's own opening record
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 was honoured");
        var first = JournalFiles.Sessions(_dir).First(s => s != exportJournal.Session);
        Assert.Equal(File.ReadAllLines(JournalFiles.PathOf(_dir, first)), Of(collector, first).Select(r => r.Body));
        var statuses = File.ReadAllLines(exportJournal.FilePath).Where(l => l.Contains("\"type\":\"egress_response\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, statuses.Count); // every attempt journaled
        Assert.Contains("\"status\":429", statuses[0], StringComparison.Ordinal);
        Assert.Contains("\"status\":500", statuses[1], StringComparison.Ordinal);
        Assert.All(statuses[2..], s => Assert.Contains("\"status\":200", s, StringComparison.Ordinal));
    }

    /// <summary>An observer that journals nowhere (the later exporter's own journal is not what these tests look at).</summary>
    private sealed class EgressSink : IEgressObserver
    {
        private long _id;

        public void Refused(string method, string destination, string reason)
        {
        }

        public long Sending(string purpose, string method, string origin, string path, ReadOnlySpan<byte> body, bool hasBody, IReadOnlyList<Redaction> redactions) =>
            Interlocked.Increment(ref _id);

        public void Completed(long request, int? status, long bytesIn, TimeSpan duration, string? error)
        {
        }
    }
}
