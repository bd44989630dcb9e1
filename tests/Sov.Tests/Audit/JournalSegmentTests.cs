using System.Text.RegularExpressions;
using Sov.Core;
using Sov.Core.Audit;
using Sov.Core.Audit.Records;

namespace Sov.Tests.Audit;

/// <summary>
/// #14: a continued session appends a new segment to its own journal, chained to the earlier seal; verify checks
/// every segment, and tampering in any of them (or with the seams between them) is caught.
/// </summary>
public sealed partial class JournalSegmentTests : IDisposable
{
    private static readonly SessionInfo Again = JournalFixture.Info with { Kind = "exec", PermissionMode = "full-auto" };
    private readonly string _dir = Directory.CreateTempSubdirectory("sov-segments-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AContinuedJournalVerifiesAsOneChainOverBothSegments()
    {
        var session = Sealed(2);
        using (var journal = Journal.Continue(_dir, session, Again))
        {
            Assert.Equal(session, journal.Session);
            journal.Append(new NoticeRecord("warning", "second segment"));
        }

        var lines = File.ReadAllLines(JournalFiles.PathOf(_dir, session));
        Assert.Equal(7, lines.Length); // session, 2 records, seal; resume, notice, seal
        Assert.Contains("\"seq\":5,", lines[4], StringComparison.Ordinal);
        Assert.Contains("\"type\":\"resume\",\"session\":\"" + session + "\",\"segment\":2,\"kind\":\"exec\"", lines[4], StringComparison.Ordinal);
        Assert.Contains("\"permission_mode\":\"full-auto\"", lines[4], StringComparison.Ordinal);
        Assert.Contains("\"prev\":\"" + HashOf(lines[3]) + "\"", lines[4], StringComparison.Ordinal); // chained to the earlier seal
        var result = JournalVerifier.Verify(JournalFiles.PathOf(_dir, session));
        Assert.True(result.Ok, result.Problem);
        Assert.Equal(7, result.Records);
        Assert.Equal(2, result.Segments);
    }

    [Fact]
    public void EachContinuationAddsASegment()
    {
        var session = Sealed(1);
        Journal.Continue(_dir, session, Again).Dispose();
        Journal.Continue(_dir, session, Again).Dispose();
        var result = JournalVerifier.Verify(JournalFiles.PathOf(_dir, session));
        Assert.True(result.Ok, result.Problem);
        Assert.Equal(3, result.Segments);
    }

    [Fact]
    public void AnEditInTheFirstSegmentIsCaughtAfterAContinuation()
    {
        var path = TwoSegments();
        var lines = File.ReadAllLines(path);
        lines[1] = lines[1].Replace("\"POST\"", "\"GET\"", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        var result = JournalVerifier.Verify(path);
        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBadSeq);
    }

    [Fact]
    public void AnEditInTheSecondSegmentIsCaughtAtItsRecord()
    {
        var path = TwoSegments();
        var lines = File.ReadAllLines(path);
        lines[5] = lines[5].Replace("second segment", "SECOND segment", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        var result = JournalVerifier.Verify(path);
        Assert.False(result.Intact);
        Assert.Equal(6, result.FirstBadSeq);
    }

    [Fact]
    public void ARecordAppendedAfterTheSealWithoutAResumeRecordIsCaughtEvenWhenRechained()
    {
        var path = TwoSegments();
        var lines = File.ReadAllLines(path).ToList();
        lines.RemoveAt(4); // the resume record
        File.WriteAllLines(path, Rechain(Renumber(lines)));
        var result = JournalVerifier.Verify(path);
        Assert.False(result.Intact);
        Assert.Equal(5, result.FirstBadSeq);
        Assert.Contains("after the seal at seq 4", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AResumeRecordWithTheWrongSegmentNumberIsCaughtEvenWhenRechained()
    {
        var path = TwoSegments();
        var lines = File.ReadAllLines(path);
        lines[4] = lines[4].Replace("\"segment\":2", "\"segment\":3", StringComparison.Ordinal);
        File.WriteAllLines(path, Rechain(lines));
        var result = JournalVerifier.Verify(path);
        Assert.False(result.Intact);
        Assert.Equal(5, result.FirstBadSeq);
        Assert.Contains("segment 3, not 2", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ASegmentOfAnotherSessionIsCaughtEvenWhenRechained()
    {
        var path = TwoSegments();
        var lines = File.ReadAllLines(path);
        var session = Path.GetFileNameWithoutExtension(path);
        lines[4] = lines[4].Replace(session, "20260101T000000Z-00000000", StringComparison.Ordinal);
        File.WriteAllLines(path, Rechain(lines));
        var result = JournalVerifier.Verify(path);
        Assert.False(result.Intact);
        Assert.Contains("journals were joined", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AResumeRecordInsideASegmentIsCaught()
    {
        var path = TwoSegments();
        var lines = File.ReadAllLines(path).ToList();
        lines.RemoveAt(3); // the first segment's seal
        File.WriteAllLines(path, Rechain(Renumber(lines)));
        var result = JournalVerifier.Verify(path);
        Assert.False(result.Intact);
        Assert.Contains("resume record inside a segment", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondSessionRecordIsCaught()
    {
        var path = TwoSegments();
        var lines = File.ReadAllLines(path);
        lines[4] = lines[4].Replace("\"type\":\"resume\"", "\"type\":\"session\"", StringComparison.Ordinal);
        File.WriteAllLines(path, Rechain(lines));
        Assert.Contains("a second session record", JournalVerifier.Verify(path).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ACrashedJournalIsSealedRepairedSayingSoBeforeItsNextSegment()
    {
        var session = Crashed(2);
        Journal.Continue(_dir, session, Again).Dispose();
        var path = JournalFiles.PathOf(_dir, session);
        var lines = File.ReadAllLines(path);
        Assert.Contains("\"reason\":\"repaired\"", lines[3], StringComparison.Ordinal);
        Assert.Contains("sealed when it was continued", lines[3], StringComparison.Ordinal);
        var result = JournalVerifier.Verify(path);
        Assert.True(result.Ok, result.Problem);
        Assert.Equal(2, result.Segments);
    }

    [Fact]
    public void ABrokenJournalIsNotContinuedAndStaysAsFound()
    {
        var path = TwoSegments();
        var lines = File.ReadAllLines(path);
        lines[2] = lines[2].Replace("\"POST\"", "\"GET\"", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        var before = File.ReadAllBytes(path);
        var e = Assert.Throws<UnverifiedJournalException>(() => Journal.Continue(_dir, Path.GetFileNameWithoutExtension(path), Again));
        Assert.Contains("does not verify", e.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, e.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void ASessionOpenElsewhereIsNotContinued()
    {
        using var live = Journal.Start(_dir, JournalFixture.Info);
        var before = File.ReadAllBytes(live.FilePath);
        var e = Assert.Throws<SovException>(() => Journal.Continue(_dir, live.Session, Again));
        Assert.Contains("open in another Sovereign process", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(live.FilePath)); // not sealed "repaired" under the live session
        Assert.True(JournalLock.InUse(_dir, live.Session));
        live.Dispose();
        Assert.False(JournalLock.InUse(_dir, live.Session));
    }

    [Fact]
    public void ASessionWithoutAJournalGetsOneUnderItsId()
    {
        using (var journal = Journal.Continue(_dir, "20250101-000000-abcdef", Again))
        {
            Assert.Equal("20250101-000000-abcdef", journal.Session);
        }

        var result = JournalVerifier.Verify(JournalFiles.PathOf(_dir, "20250101-000000-abcdef"));
        Assert.True(result.Ok, result.Problem);
        Assert.Equal(1, result.Segments);
    }

    [Fact]
    public void ANewJournalSkipsIdsTakenElsewhere()
    {
        var draws = new Queue<string>(["20260101T000000Z-00000001", "20260101T000000Z-00000002"]);
        using var journal = Journal.Start(_dir, JournalFixture.Info, null, null, _ => draws.Dequeue(), id => id.EndsWith('1'));
        Assert.Equal("20260101T000000Z-00000002", journal.Session);
    }

    [Fact]
    public async Task OfConcurrentContinuationsOnlyOneOpensTheJournal()
    {
        // Review of #14: continuations started together must not both find the session idle and both append.
        var session = Sealed(1);
        using var start = new Barrier(6);
        var attempts = Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            try
            {
                return Journal.Continue(_dir, session, Again);
            }
            catch (SovException e) when (e.Message.Contains("open in another Sovereign process", StringComparison.Ordinal))
            {
                return null;
            }
        }, TestContext.Current.CancellationToken)).ToArray();
        var opened = (await Task.WhenAll(attempts)).OfType<Journal>().ToList();

        var winner = Assert.Single(opened);
        winner.Dispose();
        var result = JournalVerifier.Verify(JournalFiles.PathOf(_dir, session));
        Assert.True(result.Ok, result.Problem);
        Assert.Equal(2, result.Segments);
    }

    private string Sealed(int records)
    {
        using var journal = Journal.Start(_dir, JournalFixture.Info);
        for (var i = 0; i < records; i++)
        {
            journal.Append(new EgressRequestRecord(i + 1, "POST", "http://127.0.0.1:8000", "/v1/chat/completions", 100, null, 0, "model"));
        }

        return journal.Session;
    }

    /// <summary>An unsealed journal whose process is gone: written elsewhere, its lock dropped, copied in.</summary>
    private string Crashed(int records)
    {
        using var f = new JournalFixture(records, seal: false);
        File.Copy(f.Path, Path.Combine(_dir, Path.GetFileName(f.Path)));
        return f.Session;
    }

    private string TwoSegments()
    {
        var session = Sealed(2);
        using (var journal = Journal.Continue(_dir, session, Again))
        {
            journal.Append(new NoticeRecord("warning", "second segment"));
        }

        return JournalFiles.PathOf(_dir, session);
    }

    private static string HashOf(string line) => HashField().Match(line).Groups[1].Value;

    private static List<string> Renumber(List<string> lines) =>
        [.. lines.Select((l, i) => SeqField().Replace(l, $"{{\"seq\":{i + 1},", 1))];

    /// <summary>A forger's rewrite: every prev and hash recomputed, so only the verifier's structural rules can catch the change.</summary>
    private static List<string> Rechain(IEnumerable<string> lines)
    {
        var prev = ChainHash.Genesis;
        var result = new List<string>();
        foreach (var line in lines)
        {
            var body = PrevField().Replace(line[..^ChainHash.SuffixLength], $"\"prev\":\"{prev}\"");
            var whole = System.Text.Encoding.UTF8.GetString(ChainHash.Line(System.Text.Encoding.UTF8.GetBytes(body), out prev));
            result.Add(whole.TrimEnd('\n'));
        }

        return result;
    }

    [GeneratedRegex("\"hash\":\"([0-9a-f]{64})\"")]
    private static partial Regex HashField();

    [GeneratedRegex("\"prev\":\"[0-9a-f]{64}\"")]
    private static partial Regex PrevField();

    [GeneratedRegex("^\\{\"seq\":\\d+,")]
    private static partial Regex SeqField();
}
