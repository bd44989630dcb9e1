using System.Text.Json;
using Sov.Core.Audit;
using Sov.Core.Audit.Records;

namespace Sov.Tests.Audit;

public sealed class JournalTests
{
    [Fact]
    public void ASealedJournalVerifiesWithItsHead()
    {
        using var f = new JournalFixture(records: 3);
        var result = JournalVerifier.Verify(f.Path);
        Assert.True(result.Ok, result.Problem);
        Assert.Equal(5, result.Records); // session, 3 requests, seal
        var lines = f.Lines();
        using var last = JsonDocument.Parse(lines[^1]);
        Assert.Equal("seal", last.RootElement.GetProperty("type").GetString());
        Assert.Equal(result.HeadHash, last.RootElement.GetProperty("hash").GetString());
    }

    [Fact]
    public void EveryRecordCarriesSeqTsTypePrevAndHashInThatLayout()
    {
        using var f = new JournalFixture(records: 1);
        var lines = f.Lines();
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal(1, root.GetProperty("seq").GetInt64());
        Assert.Equal("session", root.GetProperty("type").GetString());
        Assert.Equal(ChainHash.Genesis, root.GetProperty("prev").GetString());
        Assert.Equal("qwen3-coder", root.GetProperty("model").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", root.GetProperty("ts").GetString()!);
        Assert.StartsWith("{\"seq\":1,\"ts\":", lines[0], StringComparison.Ordinal);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(root.GetProperty("hash").GetString(), second.RootElement.GetProperty("prev").GetString());
    }

    [Fact]
    public async Task ConcurrentAppendsKeepOneUnbrokenChain()
    {
        var dir = Directory.CreateTempSubdirectory("sov-journal-").FullName;
        string path;
        using (var journal = Journal.Start(dir, JournalFixture.Info))
        {
            path = journal.FilePath;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            {
                for (var i = 0; i < 50; i++)
                {
                    journal.Append(new ToolCallRecord($"c{t}-{i}", "read", "{}", "allow", "mode"));
                }
            }, TestContext.Current.CancellationToken)));
        }

        var result = JournalVerifier.Verify(path);
        Assert.True(result.Ok, result.Problem);
        Assert.Equal(402, result.Records);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void NothingCanBeAppendedAfterTheSeal()
    {
        var dir = Directory.CreateTempSubdirectory("sov-journal-").FullName;
        var journal = Journal.Start(dir, JournalFixture.Info);
        journal.Seal();
        Assert.Throws<ObjectDisposedException>(() => journal.Append(new ModelUsageRecord("m", 1, 2)));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void DisposingSealsWithReasonClosed()
    {
        var dir = Directory.CreateTempSubdirectory("sov-journal-").FullName;
        string path;
        using (var journal = Journal.Start(dir, JournalFixture.Info))
        {
            path = journal.FilePath;
        }

        Assert.Contains("\"reason\":\"closed\"", File.ReadAllLines(path)[^1], StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void SessionsAreListedOldestFirst()
    {
        var dir = Directory.CreateTempSubdirectory("sov-journal-").FullName;
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        Journal.Start(dir, JournalFixture.Info, clock).Dispose();
        clock.Now += TimeSpan.FromHours(1);
        Journal.Start(dir, JournalFixture.Info, clock).Dispose();
        var sessions = JournalFiles.Sessions(dir);
        Assert.Equal(2, sessions.Count);
        Assert.StartsWith("20260102T030405Z-", sessions[0], StringComparison.Ordinal);
        Assert.StartsWith("20260102T040405Z-", sessions[1], StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }
}
