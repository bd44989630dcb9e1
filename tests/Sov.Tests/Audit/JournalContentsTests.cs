using System.Text;
using Sov.Core.Audit;
using Sov.Core.Audit.Records;

namespace Sov.Tests.Audit;

/// <summary>Issue #12.8: verify checks what a chain alone cannot: the bodies it names, and whose journal it is.</summary>
public sealed class JournalContentsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sov-journal-bodies-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (string Path, string Sha) JournalWithBody()
    {
        var store = new BodyStore(JournalFiles.BodiesDir(_dir));
        var sha = store.Put(Encoding.UTF8.GetBytes("{\"messages\":[]}"));
        using var journal = Journal.Start(_dir, JournalFixture.Info);
        journal.Append(new EgressRequestRecord(1, "POST", "http://127.0.0.1:8000", "/v1/chat/completions", 15, sha, 0, "model"));
        return (journal.FilePath, sha);
    }

    [Fact]
    public void BodiesThatArePresentAndIntactVerify()
    {
        var (path, _) = JournalWithBody();
        var result = JournalVerifier.Verify(path);
        Assert.True(result.Ok, result.BodyProblem ?? result.Problem);
        Assert.Equal(1, result.BodiesChecked);
    }

    // #12.8: deleting the body store left verify "ok".
    [Fact]
    public void ADeletedOrAlteredBodyFailsVerification()
    {
        var (path, sha) = JournalWithBody();
        var store = new BodyStore(JournalFiles.BodiesDir(_dir));
        File.WriteAllText(store.PathOf(sha), "{\"messages\":[\"edited\"]}");
        var altered = JournalVerifier.Verify(path);
        Assert.False(altered.Ok);
        Assert.Contains("altered", altered.BodyProblem, StringComparison.Ordinal);

        Directory.Delete(JournalFiles.BodiesDir(_dir), recursive: true);
        var deleted = JournalVerifier.Verify(path);
        Assert.False(deleted.Ok);
        Assert.True(deleted.Intact); // the chain itself is fine; the bodies are not
        Assert.Contains("missing", deleted.BodyProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void BodiesPrunedOnPurposeAreSaidSoAndPass()
    {
        var (path, sha) = JournalWithBody();
        File.Delete(new BodyStore(JournalFiles.BodiesDir(_dir)).PathOf(sha));
        File.WriteAllText(Path.Combine(JournalFiles.BodiesDir(_dir), JournalContents.PrunedFile), sha + "\n");
        var result = JournalVerifier.Verify(path);
        Assert.True(result.Ok);
        Assert.Equal(1, result.BodiesPruned);
    }

    // #12.8: a journal copied under another session's file name verified, and audit head printed the wrong id.
    [Fact]
    public void AJournalUnderAnotherSessionsNameIsBroken()
    {
        var (path, _) = JournalWithBody();
        var copy = Path.Combine(_dir, "20990101T000000Z-deadbeef" + JournalFiles.Extension);
        File.Copy(path, copy);
        var result = JournalVerifier.Verify(copy);
        Assert.False(result.Intact);
        Assert.Equal(1, result.FirstBadSeq);
        Assert.Contains("copied or renamed", result.Problem, StringComparison.Ordinal);
    }
}
