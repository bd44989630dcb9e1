using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sov.Core.Audit;
using Sov.Core.Audit.Export;
using Sov.Core.Audit.Records;

namespace Sov.Tests.Audit.Export;

/// <summary>#20: a journal line that is not a record is not passed over in silence: the collector gets a stub for it
/// (session, byte offset, SHA-256 of the raw line), and the exporting session journals a notice.</summary>
public sealed class UnparseableLineTests : IDisposable
{
    private static readonly ExportSettings Fast = new() { BatchRecords = 10 }; // the collector accepts every batch: no retry waits

    private readonly string _dir = Directory.CreateTempSubdirectory("sov-export-broken-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (string Session, long Offset, byte[] Raw) SessionWithABrokenLine()
    {
        string session;
        using (var journal = Journal.Start(_dir, JournalFixture.Info))
        {
            journal.Append(new NoticeRecord("info", "before"));
            session = journal.Session;
        }

        var path = JournalFiles.PathOf(_dir, session);
        var offset = new FileInfo(path).Length;
        var raw = Encoding.UTF8.GetBytes("{\"seq\": this is not json");
        using (var file = new FileStream(path, FileMode.Append))
        {
            file.Write(raw);
            file.WriteByte((byte)'\n');
            file.Write(Encoding.UTF8.GetBytes(File.ReadLines(path).First() + "\n")); // a whole record after it
        }

        return (session, offset, raw);
    }

    [Fact]
    public async Task ABrokenLineIsSentAsAStubAndTheExportingSessionJournalsANotice()
    {
        var (session, offset, raw) = SessionWithABrokenLine();
        var notices = new List<string>();
        var collector = new ScriptedTransport();
        var exporter = new JournalExporter(_dir, collector, Fast, TimeProvider.System, new Random(20)) { Notice = notices.Add };
        await exporter.RunOnceAsync(TimeSpan.FromSeconds(5), Ct);

        var sent = collector.Accepted.Where(b => b.Session == session).SelectMany(b => b.Lines).ToList();
        var lines = File.ReadAllLines(JournalFiles.PathOf(_dir, session));
        Assert.Equal(lines.Length, sent.Count); // every line has its log record, the broken one too
        var stub = sent.Single(UnparseableLine.IsStub);
        Assert.Equal(sent.IndexOf(stub), Array.IndexOf(lines, "{\"seq\": this is not json"));
        using var doc = JsonDocument.Parse(stub.Text);
        Assert.Equal(session, doc.RootElement.GetProperty("session").GetString());
        Assert.Equal(offset, doc.RootElement.GetProperty("offset").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(raw)), doc.RootElement.GetProperty("sha256").GetString());
        Assert.Equal("unparseable journal line", doc.RootElement.GetProperty("message").GetString());
        Assert.DoesNotContain("this is not json", stub.Text, StringComparison.Ordinal);

        var notice = Assert.Single(notices);
        Assert.Contains(session, notice, StringComparison.Ordinal);
        Assert.Contains($"byte {offset}", notice, StringComparison.Ordinal);

        // The cursor stands after the last real record, and a second run sends nothing again.
        var cursor = new ExportCursorStore(_dir, collector.Target).Load();
        Assert.Equal(JournalReader.Read(JournalFiles.PathOf(_dir, session)).Last().Hash, cursor.Sessions[session].Hash);
        var count = collector.Bodies.Count();
        await new JournalExporter(_dir, collector, Fast, TimeProvider.System, new Random(20)).RunOnceAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(count, collector.Bodies.Count());
    }

    [Fact]
    public void ABatchOfOnlyABrokenLineStillMovesTheOffsetWithoutAcknowledgingARecord()
    {
        var path = Path.Combine(_dir, "broken.jsonl");
        File.WriteAllText(path, "not a record\n");
        var batch = JournalTail.Read(path, "broken", 0, 10, 1 << 20, DateTimeOffset.UnixEpoch);
        Assert.NotNull(batch);
        Assert.True(UnparseableLine.IsStub(Assert.Single(batch.Lines)));
        var cursor = new ExportCursor().After(batch, DateTimeOffset.UnixEpoch);
        Assert.Equal(13, cursor.OffsetOf("broken"));
        Assert.Equal("", cursor.Sessions["broken"].Hash);
    }
}
