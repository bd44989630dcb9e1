using System.Security.Cryptography;
using System.Text;
using Sov.Cli.Session;
using Sov.Core.Audit;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;
using Sov.Core.Sessions;
using Sov.Tests.Audit;
using Sov.Tests.Files;

namespace Sov.Tests.Cli.Session;

/// <summary>#14: an undo is journaled with the paths and hashes it restored or removed, and the model is told with its next prompt.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UndoNotesTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly Workspace _ws;
    private readonly CheckpointStore _store;

    public UndoNotesTests()
    {
        _ws = new Workspace(_tree.Root, new Sov.Borders.FileSystem.NativeFileSystem());
        _store = new CheckpointStore(Path.Combine(_tree.Base, "state"), _ws);
        File.WriteAllText(_tree.In("kept.txt"), "before");
        var turn = _store.BeginTurn("s1");
        turn.BeforeWrite(_ws.ForWrite("kept.txt"), "write_file");
        _ws.WriteAtomic(_ws.ForWrite("kept.txt"), "after"u8);
        turn.BeforeWrite(_ws.ForWrite("made.txt"), "write_file");
        _ws.WriteAtomic(_ws.ForWrite("made.txt"), "made"u8);
        turn.Commit();
    }

    public void Dispose() => _tree.Dispose();

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void TheJournalGetsThePathsAndHashesAndTheSessionFileTheNote()
    {
        var report = UndoNotes.UndoLast(_store)!;
        Assert.Equal("s1", report.Session);
        var dir = Path.Combine(_tree.Base, "journal");
        using var journal = Journal.Start(dir, JournalFixture.Info);
        string sessionPath;
        using (var file = SessionFile.Create(Path.Combine(_tree.Base, "sessions"), journal.Session, "/w", "m", DateTimeOffset.UnixEpoch))
        {
            sessionPath = file.Path;
            var note = UndoNotes.Record(journal, file, report, "/undo");
            Assert.Contains("restored kept.txt", note, StringComparison.Ordinal);
            Assert.Contains("removed made.txt", note, StringComparison.Ordinal);
        }

        var line = File.ReadAllLines(journal.FilePath)[^1];
        Assert.Contains("\"type\":\"undo\",\"by\":\"/undo\"", line, StringComparison.Ordinal);
        Assert.Contains("\"turn_session\":\"s1\"", line, StringComparison.Ordinal);
        Assert.Contains($"{{\"path\":\"kept.txt\",\"action\":\"restored\",\"from_sha256\":\"{Sha("after")}\",\"to_sha256\":\"{Sha("before")}\"}}", line, StringComparison.Ordinal);
        Assert.Contains($"{{\"path\":\"made.txt\",\"action\":\"removed\",\"from_sha256\":\"{Sha("made")}\",\"to_sha256\":null}}", line, StringComparison.Ordinal);
        Assert.Contains("the person undid", Assert.Single(SessionFile.Load(sessionPath).PendingNotes), StringComparison.Ordinal);
    }

    [Fact]
    public void NotesJoinBeforeThePrompt()
    {
        Assert.Null(UndoNotes.Join([null]));
        Assert.Equal("a\n\nb", UndoNotes.Join(["a", null, "b"]));
    }
}
