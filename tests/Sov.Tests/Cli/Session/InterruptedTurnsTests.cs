using Microsoft.Extensions.AI;
using Sov.Cli.Session;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;
using Sov.Tests.Files;

namespace Sov.Tests.Cli.Session;

/// <summary>#13.7: after --continue the model did not know the last turn was interrupted nor which files it changed.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class InterruptedTurnsTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly CheckpointStore _store;

    public InterruptedTurnsTests()
    {
        var ws = new Workspace(_tree.Root);
        _store = new CheckpointStore(Path.Combine(_tree.Base, "state"), ws);
        var turn = _store.BeginTurn("s1");
        turn.BeforeWrite(ws.ForWrite("a.txt"), "write_file");
        ws.WriteAtomic(ws.ForWrite("a.txt"), "new"u8);
        turn.Abandon();
    }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void ThePersonIsToldAndTheResumedSessionsModelIsToldOnce()
    {
        var told = Assert.Single(InterruptedTurns.Recover(_store));
        Assert.Contains("a.txt", told, StringComparison.Ordinal);
        Assert.Contains("sov undo", told, StringComparison.Ordinal);

        var note = InterruptedTurns.NoteFor(_store, "s1", []);
        Assert.NotNull(note);
        Assert.Contains("previous turn was interrupted", note, StringComparison.Ordinal);
        Assert.Contains("a.txt", note, StringComparison.Ordinal);
        Assert.StartsWith(note, InterruptedTurns.WithNote(note, "go on"), StringComparison.Ordinal);

        Assert.Null(InterruptedTurns.NoteFor(_store, "s1", [new ChatMessage(ChatRole.User, InterruptedTurns.WithNote(note, "go on"))]));
        Assert.Null(InterruptedTurns.NoteFor(_store, "another-session", []));
    }

    [Fact]
    public void AnUnreadableManifestNeverStopsASession()
    {
        InterruptedTurns.Recover(_store);
        File.WriteAllText(Directory.EnumerateFiles(Path.Combine(_store.Directory, "turns")).Single(), "{not json");
        Assert.Null(InterruptedTurns.NoteFor(_store, "s1", []));
    }
}
