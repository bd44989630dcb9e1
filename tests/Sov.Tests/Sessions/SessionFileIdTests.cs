using Microsoft.Extensions.AI;
using Sov.Core.Audit;
using Sov.Core.Sessions;
using Sov.Tests.Audit;

namespace Sov.Tests.Sessions;

/// <summary>#14: a session file takes its journal's id (never overwriting), and carries notes for the model until a prompt does.</summary>
public sealed class SessionFileIdTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _home = Directory.CreateTempSubdirectory("sov-session-ids-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string Sessions => Path.Combine(_home, "sessions");

    private string Journals => Path.Combine(_home, "journal");

    [Fact]
    public void TheSessionFileIsNamedForTheJournalsId()
    {
        using var journal = Journal.Start(Journals, JournalFixture.Info, null, id => File.Exists(SessionFile.PathOf(Sessions, id)));
        using var file = SessionFile.Create(Sessions, journal.Session, "/w", "m", Now);
        Assert.Equal(journal.Session, file.Id);
        Assert.Equal(SessionFile.PathOf(Sessions, journal.Session), file.Path);
        Assert.Equal(Path.GetFileName(journal.FilePath), Path.GetFileName(file.Path));
        Assert.Contains($"\"id\":\"{journal.Session}\"", File.ReadAllLines(file.Path)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ATakenIdIsNotOverwritten()
    {
        using (SessionFile.Create(Sessions, "20260101T000000Z-00000001", "/w", "m", Now))
        {
        }

        var before = File.ReadAllBytes(SessionFile.PathOf(Sessions, "20260101T000000Z-00000001"));
        Assert.Throws<StateWriteException>(() => SessionFile.Create(Sessions, "20260101T000000Z-00000001", "/w", "other", Now));
        Assert.Equal(before, File.ReadAllBytes(SessionFile.PathOf(Sessions, "20260101T000000Z-00000001")));
    }

    [Fact]
    public void ANewJournalSkipsAnIdASessionFileAlreadyHas()
    {
        using (SessionFile.Create(Sessions, "20260101T000000Z-00000001", "/w", "m", Now))
        {
        }

        var draws = new Queue<string>(["20260101T000000Z-00000001", "20260101T000000Z-00000002"]);
        using var journal = Journal.Start(Journals, JournalFixture.Info, null, null, _ => draws.Dequeue(), id => File.Exists(SessionFile.PathOf(Sessions, id)));
        Assert.Equal("20260101T000000Z-00000002", journal.Session);
    }

    [Fact]
    public void ANoteWaitsForTheNextPromptAndIsNotAMessage()
    {
        string path;
        using (var file = SessionFile.Create(Sessions, "20260101T000000Z-00000003", "/w", "m", Now))
        {
            path = file.Path;
            file.Append([new ChatMessage(ChatRole.User, "one"), new ChatMessage(ChatRole.Assistant, "two")]);
            file.AppendNote("[Sovereign: the person undid the last turn's file changes]");
        }

        var loaded = SessionFile.Load(path);
        Assert.Equal(["[Sovereign: the person undid the last turn's file changes]"], loaded.PendingNotes);
        Assert.Equal(2, loaded.Messages.Count);
        Assert.Equal(2, SessionFile.List(Sessions).Single().Messages);

        var (resumed, _) = SessionFile.Resume(path);
        using (resumed)
        {
            resumed.Append([new ChatMessage(ChatRole.User, "[Sovereign: the person undid…]\n\nthree")]);
        }

        Assert.Empty(SessionFile.Load(path).PendingNotes);
    }
}
