using Sov.Core.Audit;
using Sov.Core.Audit.Export;
using Sov.Core.Audit.Records;

namespace Sov.Tests.Audit.Export;

/// <summary>#20: the streaming exporter over a real journal folder, against an in-memory collector.</summary>
public sealed class JournalExporterTests : IDisposable
{
    private static readonly ExportSettings Fast = new()
    {
        BatchRecords = 3, Interval = TimeSpan.FromMilliseconds(10), BackoffInitial = TimeSpan.FromMilliseconds(1),
        BackoffMax = TimeSpan.FromMilliseconds(5), Attempts = 3,
    };

    private readonly string _dir = Directory.CreateTempSubdirectory("sov-export-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private JournalExporter Exporter(IExportTransport transport, string? own = null) =>
        new(_dir, transport, Fast, TimeProvider.System, new Random(20)) { OwnSession = own };

    private string Session(int records)
    {
        using var journal = Journal.Start(_dir, JournalFixture.Info);
        for (var i = 0; i < records; i++)
        {
            journal.Append(new NoticeRecord("info", $"record {i}"));
        }

        return journal.Session;
    }

    private List<string> AllLines() => [.. JournalFiles.Sessions(_dir).SelectMany(s => File.ReadAllLines(JournalFiles.PathOf(_dir, s)))];

    [Fact]
    public async Task SendsEveryRecordOnceInOrderInBatches()
    {
        Session(5);
        Session(2);
        var collector = new ScriptedTransport();
        await Exporter(collector).RunOnceAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(AllLines(), collector.Bodies);
        Assert.All(collector.Accepted, b => Assert.InRange(b.Lines.Count, 1, 3));
        Assert.All(collector.Accepted.GroupBy(b => b.Session), g => Assert.Equal(g.SelectMany(b => b.Lines).Select(l => l.Seq).Order(), g.SelectMany(b => b.Lines).Select(l => l.Seq)));
    }

    [Fact]
    public async Task ARestartResumesFromTheCursorWithoutDuplicates()
    {
        var first = Session(4);
        var collector = new ScriptedTransport();
        await Exporter(collector).RunOnceAsync(TimeSpan.FromSeconds(5), Ct);
        var sentBefore = collector.Bodies.Count();

        Session(3); // written while no exporter ran
        await Exporter(collector).RunOnceAsync(TimeSpan.FromSeconds(5), Ct); // a new process: only the cursor carries over
        foreach (var session in JournalFiles.Sessions(_dir))
        {
            Assert.Equal(File.ReadAllLines(JournalFiles.PathOf(_dir, session)), collector.Accepted.Where(b => b.Session == session).SelectMany(b => b.Lines).Select(l => l.Text));
        }

        Assert.True(collector.Bodies.Count() > sentBefore);

        var cursor = new ExportCursorStore(_dir, collector.Target).Load();
        var last = JournalReader.Read(JournalFiles.PathOf(_dir, first)).Last();
        Assert.Equal(last.Seq, cursor.Sessions[first].Seq);
        Assert.Equal(last.Hash, cursor.Sessions[first].Hash);
        Assert.Equal(0, JournalExporter.Backlog(_dir, cursor));
    }

    [Fact]
    public async Task AFailedBatchIsSentAgainUnchangedAndTheCursorMovesOnlyOnAcceptance()
    {
        Session(2);
        var collector = new ScriptedTransport(
            new ExportResult(ExportOutcome.Retry, "429 Too Many Requests", TimeSpan.FromMilliseconds(5)),
            new ExportResult(ExportOutcome.Retry, "500 Internal Server Error"));
        var notices = new List<string>();
        var exporter = new JournalExporter(_dir, collector, Fast, TimeProvider.System, new Random(1)) { Notice = notices.Add };
        await exporter.RunOnceAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(AllLines(), collector.Bodies);
        Assert.True(collector.Attempts >= 3);
        Assert.Contains(notices, n => n.Contains("429", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Contains("takes records again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AOneShotExportGivesUpAfterItsAttemptsLeavingTheCursorWhereTheCollectorStopped()
    {
        Session(2);
        var down = new ExportResult(ExportOutcome.Retry, "connection refused", Unreachable: true);
        var collector = new ScriptedTransport(down, down, down);
        var failed = await Assert.ThrowsAsync<ExportFailedException>(() => Exporter(collector).RunOnceAsync(TimeSpan.FromSeconds(5), Ct));
        Assert.Equal(3, failed.ExitCode);
        Assert.Contains("Cannot reach the collector", failed.Message, StringComparison.Ordinal);
        Assert.Null(new ExportCursorStore(_dir, collector.Target).Load().LastSession);
    }

    [Fact]
    public async Task TheExportersOwnRecordsAreHeldBackUntilSomethingElseJoinsThem()
    {
        var journal = Journal.Start(_dir, JournalFixture.Info);
        journal.Append(new NoticeRecord("info", "work"));
        var collector = new ScriptedTransport();
        await Exporter(collector, own: journal.Session).RunOnceAsync(TimeSpan.FromSeconds(5), Ct);
        var sent = collector.Bodies.Count();

        // What the gate journals for the exporter's own request: nothing else happened, so nothing more is sent (no loop).
        journal.Append(new EgressRequestRecord(7, "POST", "http://127.0.0.1:4318", "/v1/logs", 10, null, 0, JournalExporter.Purpose));
        journal.Append(new EgressResponseRecord(7, 200, 2, 1, null));
        await Exporter(collector, own: journal.Session).RunOnceAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(sent, collector.Bodies.Count());

        journal.Append(new NoticeRecord("info", "more work"));
        await Exporter(collector, own: journal.Session).RunOnceAsync(TimeSpan.FromSeconds(5), Ct);
        journal.Dispose();
        Assert.Equal(File.ReadAllLines(journal.FilePath)[..^1], collector.Bodies); // all but the seal, which trails
    }

    [Fact]
    public async Task TheCursorFileIsNeverHalfWritten()
    {
        Session(300);
        var collector = new ScriptedTransport();
        var store = new ExportCursorStore(_dir, collector.Target);
        var path = store.PathOf;
        using var done = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                if (File.Exists(path))
                {
                    Assert.NotEmpty(store.Load().Sessions); // a torn file would not parse: Load throws
                    reads++;
                }
            }
        }, Ct);
        await Exporter(collector).RunOnceAsync(TimeSpan.FromSeconds(5), Ct);
        await done.CancelAsync();
        await reader;
        Assert.True(reads > 0);
        var name = Path.GetFileNameWithoutExtension(path);
        Assert.Equal([name + ".json", name + ".lock"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName).Order(StringComparer.Ordinal)); // no temporary left
    }

    [Fact]
    public async Task FollowingSendsRecordsAsTheyAreWrittenAndFlushesWhenStopped()
    {
        var journal = Journal.Start(_dir, JournalFixture.Info);
        var collector = new ScriptedTransport();
        using var stop = new CancellationTokenSource();
        var follow = Exporter(collector).FollowAsync(stop.Token, Ct);
        for (var i = 0; i < 20; i++)
        {
            journal.Append(new NoticeRecord("info", $"record {i}"));
        }

        await Poll.UntilAsync(() => collector.Bodies.Count() >= 21, "the records reach the collector while the session runs");
        journal.Dispose();
        await stop.CancelAsync();
        Assert.True(await follow.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Equal(File.ReadAllLines(journal.FilePath), collector.Bodies);
    }
}
