using Sov.Core.Audit;
using Sov.Core.Audit.Records;

namespace Sov.Tests.Audit;

/// <summary>Sessions of one journal folder chain to each other through the anchor (#20).</summary>
public sealed class JournalChainTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sov-chain-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string StartSealed()
    {
        using var journal = Journal.Start(_dir, JournalFixture.Info);
        journal.Append(new NoticeRecord("info", "a record"));
        return journal.Session;
    }

    [Fact]
    public void EachSessionNamesThePreviousSessionsHeadAndTheChainChecks()
    {
        var first = StartSealed();
        var second = StartSealed();
        var lines = File.ReadAllLines(JournalFiles.PathOf(_dir, second));
        var last = File.ReadAllLines(JournalFiles.PathOf(_dir, first))[^1];
        Assert.Contains($"\"prev_session\":\"{first}\",\"prev_session_seq\":3,\"prev_session_hash\":\"{last[^66..^2]}\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"prev_session\":null", File.ReadAllLines(JournalFiles.PathOf(_dir, first))[0], StringComparison.Ordinal);
        Assert.Equal((second, lines[0][^66..^2]), JournalAnchor.Read(_dir));
        Assert.Empty(JournalChain.Check(_dir));
        Assert.True(JournalVerifier.Verify(JournalFiles.PathOf(_dir, second)).Ok);
    }

    [Fact]
    public void DeletingTheMiddleSessionOfThreeIsReportedNamingIt()
    {
        StartSealed();
        var middle = StartSealed();
        var last = StartSealed();
        File.Delete(JournalFiles.PathOf(_dir, middle));
        var problem = Assert.Single(JournalChain.Check(_dir));
        Assert.Equal(last, problem.Session);
        Assert.Contains($"follows session {middle}, whose journal is missing", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DeletingTheNewestIsCaughtByTheAnchor()
    {
        StartSealed();
        var newest = StartSealed();
        File.Delete(JournalFiles.PathOf(_dir, newest));
        var problem = Assert.Single(JournalChain.Check(_dir));
        Assert.Contains($"the newest session {newest} (named by the anchor file .head) is missing", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondSessionBeginningAChainOfItsOwnIsReported()
    {
        // Review (#20): several prev_session null roots passed the check, so a session copied in from another folder,
        // or one whose start saw no predecessor, was not noticed.
        var first = StartSealed();
        var elsewhere = Directory.CreateTempSubdirectory("sov-chain-other-").FullName;
        try
        {
            using (var journal = Journal.Start(elsewhere, JournalFixture.Info))
            {
                journal.Append(new NoticeRecord("info", "a record"));
                File.Copy(journal.FilePath, JournalFiles.PathOf(_dir, journal.Session));
                var problem = Assert.Single(JournalChain.Check(_dir));
                Assert.Equal(journal.Session, problem.Session);
                Assert.Contains($"begins a chain of its own, though {first} began this folder's chain", problem.Text, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void ADeletedNewestStaysReportedAfterTheNextSessionStarts()
    {
        StartSealed();
        var deleted = StartSealed();
        File.Delete(JournalFiles.PathOf(_dir, deleted));
        var next = StartSealed();
        var problem = Assert.Single(JournalChain.Check(_dir));
        Assert.Equal(next, problem.Session);
        Assert.Contains($"follows session {deleted}, whose journal is missing", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CuttingThePredecessorBelowTheNamedRecordIsReported()
    {
        var first = StartSealed();
        StartSealed();
        var path = JournalFiles.PathOf(_dir, first);
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines[..^1]); // the seal the second session named is gone
        Assert.Contains(JournalChain.Check(_dir), p => p.Text.Contains($"follows session {first} at seq 3", StringComparison.Ordinal));
    }

    [Fact]
    public void DeletingTheAnchorWhileSessionsAreChainedIsReported()
    {
        StartSealed();
        StartSealed();
        File.Delete(Path.Combine(_dir, JournalAnchor.FileName));
        Assert.Contains(JournalChain.Check(_dir), p => p.Text.Contains("the anchor file .head is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void AJournalFromBeforeChainingStillVerifiesAndTheNextSessionFollowsIt()
    {
        // Old journals carry no prev_session: they are where the chain begins (#20).
        const string old = "20250101T000000Z-00000001";
        var session = ChainHash.Line("{\"seq\":1,\"ts\":\"2025-01-01T00:00:00.000Z\",\"type\":\"session\",\"session\":\"20250101T000000Z-00000001\",\"prev\":\"0000000000000000000000000000000000000000000000000000000000000000\""u8, out var h1);
        var seal = ChainHash.Line(System.Text.Encoding.UTF8.GetBytes($"{{\"seq\":2,\"ts\":\"2025-01-01T00:00:01.000Z\",\"type\":\"seal\",\"reason\":\"completed\",\"records\":2,\"prev\":\"{h1}\""), out var h2);
        File.WriteAllBytes(JournalFiles.PathOf(_dir, old), [.. session, .. seal]);
        Assert.True(JournalVerifier.Verify(JournalFiles.PathOf(_dir, old)).Ok);
        Assert.Empty(JournalChain.Check(_dir));
        var next = StartSealed();
        Assert.Contains($"\"prev_session\":\"{old}\",\"prev_session_seq\":2,\"prev_session_hash\":\"{h2}\"", File.ReadAllLines(JournalFiles.PathOf(_dir, next))[0], StringComparison.Ordinal);
        Assert.Empty(JournalChain.Check(_dir));
    }

    [Fact]
    public void ARunningPredecessorIsNamedAtItsLastWholeRecord()
    {
        var running = Journal.Start(_dir, JournalFixture.Info);
        running.Append(new NoticeRecord("info", "one"));
        var next = StartSealed();
        running.Append(new NoticeRecord("info", "two"));
        running.Dispose();
        Assert.Contains("\"prev_session_seq\":2,", File.ReadAllLines(JournalFiles.PathOf(_dir, next))[0], StringComparison.Ordinal);
        Assert.Empty(JournalChain.Check(_dir));
    }

    [Fact]
    public async Task ConcurrentStartsFormOneChainWithoutForks()
    {
        const int Starts = 8;
        using var go = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, Starts).Select(_ => Task.Factory.StartNew(() =>
        {
            go.Wait(TimeSpan.FromSeconds(30));
            return StartSealed();
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        go.Set();
        var sessions = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.Equal(Starts, sessions.Distinct().Count());
        Assert.Empty(JournalChain.Check(_dir));

        // One chain: exactly one first session, every other follows a distinct predecessor, and following the links
        // back from the anchor visits every session.
        var predecessor = sessions.ToDictionary(s => s, s => Predecessor(File.ReadAllLines(JournalFiles.PathOf(_dir, s))[0]));
        Assert.Single(predecessor.Values, p => p is null);
        var walked = new List<string>();
        for (string? at = JournalAnchor.Read(_dir)!.Value.Session; at is not null; at = predecessor[at])
        {
            walked.Add(at);
        }

        Assert.Equal(sessions.Order(StringComparer.Ordinal), walked.Order(StringComparer.Ordinal));
    }

    private static string? Predecessor(string firstLine)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(firstLine);
        return doc.RootElement.GetProperty(SessionRecord.PrevSession).GetString();
    }
}
