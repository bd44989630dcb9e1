using Sov.Core.Audit;

namespace Sov.Tests.Audit;

/// <summary>#13.3: two sessions in one SOV_HOME never share a journal, even when they draw the same id.</summary>
public sealed class SessionIdTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sov-journal-ids-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ATakenIdIsNeverReusedAndTheNextDrawNamesItself()
    {
        var draws = new Queue<string>(["20260101T000000Z-aaaaaaaa", "20260101T000000Z-aaaaaaaa", "20260101T000000Z-bbbbbbbb"]);
        using var first = Journal.Start(_dir, JournalFixture.Info, null, null, _ => draws.Dequeue());
        using var second = Journal.Start(_dir, JournalFixture.Info, null, null, _ => draws.Dequeue());

        Assert.Equal("20260101T000000Z-aaaaaaaa", first.Session);
        Assert.Equal("20260101T000000Z-bbbbbbbb", second.Session);
        first.Dispose();
        second.Dispose();
        Assert.True(JournalVerifier.Verify(first.FilePath).Ok);
        Assert.True(JournalVerifier.Verify(second.FilePath).Ok); // its session record names the id it got
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public async Task ManySessionsStartingAtOnceEachGetTheirOwnJournal()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var journals = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => Journal.Start(_dir, JournalFixture.Info, clock))));
        Assert.Equal(40, journals.Select(j => j.FilePath).Distinct(StringComparer.Ordinal).Count());
        foreach (var journal in journals)
        {
            journal.Dispose();
            Assert.True(JournalVerifier.Verify(journal.FilePath).Ok);
        }
    }

    [Fact]
    public void TheNewestSessionIsTheOneThatStartedLastNotTheLastName()
    {
        // #13.8: ids sort by the second only; the recorded start decides.
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, 900, TimeSpan.Zero));
        Journal.Start(_dir, JournalFixture.Info, clock, null, _ => "20260101T000000Z-ffffffff").Dispose();
        clock.Now = clock.Now.AddMilliseconds(50);
        Journal.Start(_dir, JournalFixture.Info, clock, null, _ => "20260101T000000Z-00000000").Dispose();

        Assert.Equal("20260101T000000Z-00000000", JournalFiles.Newest(_dir));
        Assert.Equal(clock.Now, JournalFiles.StartOf(JournalFiles.PathOf(_dir, "20260101T000000Z-00000000")));
    }
}
