using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;

namespace Sov.Tests.Files;

/// <summary>
/// #13.7: after kill -9 mid-turn, sov undo said "Nothing to undo" (the checkpoint was written only at the
/// turn's end) and temporary files of killed writes stayed. Now each file's prior state is on disk before it
/// changes, a start turns a dead turn's pending record into an undoable checkpoint, and stale temps go.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CheckpointRecoveryTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly Workspace _ws;
    private readonly string _state;

    public CheckpointRecoveryTests()
    {
        _ws = new Workspace(_tree.Root, new Sov.Borders.FileSystem.NativeFileSystem());
        _state = Path.Combine(_tree.Base, "state");
    }

    public void Dispose() => _tree.Dispose();

    private CheckpointStore Store() => new(_state, _ws);

    private string PendingDir => Path.Combine(Store().Directory, "pending");

    /// <summary>Records then changes a file as the writing tools do (checkpoint first, then the atomic write).</summary>
    private void Write(TurnCheckpoint turn, string relative, string content)
    {
        var path = _ws.ForWrite(relative);
        turn.BeforeWrite(path, "write_file", afterHash: FileSnapshot.Hash(System.Text.Encoding.UTF8.GetBytes(content)));
        _ws.WriteAtomic(_ws.ForWrite(relative), System.Text.Encoding.UTF8.GetBytes(content));
    }

    [Fact]
    public void AKilledTurnIsRecoveredAndUndoneWhole()
    {
        File.WriteAllText(_tree.In("a.txt"), "old a");
        var turn = Store().BeginTurn("session-1");
        Write(turn, "a.txt", "new a");
        Write(turn, "sub/b.txt", "created b");
        Write(turn, "a.txt", "newer a");
        turn.Abandon(); // the process dies: no Commit

        var recovered = Store().RecoverInterrupted();

        var only = Assert.Single(recovered);
        Assert.Equal(["a.txt", "sub/b.txt"], only.Paths);
        Assert.Equal("session-1", only.Session);
        Assert.True(Store().Latest()!.Interrupted);
        Assert.Empty(Directory.EnumerateFiles(PendingDir));
        var report = Undo.Last(Store())!;
        Assert.Equal("old a", File.ReadAllText(_tree.In("a.txt")));
        Assert.False(File.Exists(_tree.In("sub/b.txt")));
        Assert.Equal(["a.txt"], report.Restored);
        Assert.Equal(["sub/b.txt"], report.Removed);
    }

    [Fact]
    public void APersonsEditAfterTheCrashIsNeverTakenForTheTurnsResult()
    {
        // Review of #13.7: recovery took whatever was on disk at the next start as the dead turn's result, so
        // 'sov undo' reverted an edit the person made in between. A tool's write now names its result.
        File.WriteAllText(_tree.In("a.txt"), "old a");
        File.WriteAllText(_tree.In("c.txt"), "old c");
        var turn = Store().BeginTurn("session-1");
        Write(turn, "a.txt", "new a");
        Write(turn, "a.txt", "newer a");
        Write(turn, "c.txt", "new c");
        turn.Abandon();
        File.WriteAllText(_tree.In("a.txt"), "the person's fix"); // before the next start

        Store().RecoverInterrupted();
        var report = Undo.Last(Store())!;
        Assert.Equal("the person's fix", File.ReadAllText(_tree.In("a.txt")));
        Assert.Equal("old c", File.ReadAllText(_tree.In("c.txt")));
        Assert.Contains(report.Skipped, s => s.StartsWith("a.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void AWriteKilledBeforeItsRenameLeavesNothingToUndoForThatFile()
    {
        File.WriteAllText(_tree.In("a.txt"), "old a");
        var turn = Store().BeginTurn();
        Write(turn, "a.txt", "new a");
        turn.BeforeWrite(_ws.ForWrite("a.txt"), "write_file", afterHash: FileSnapshot.Hash("never landed"u8)); // killed before the rename
        turn.Abandon();

        Store().RecoverInterrupted();
        var report = Undo.Last(Store())!;
        Assert.Equal("old a", File.ReadAllText(_tree.In("a.txt")));
        Assert.Empty(report.Skipped);
    }

    [Fact]
    public void ThePriorStateIsOnDiskBeforeTheFileChanges()
    {
        File.WriteAllText(_tree.In("a.txt"), "old a");
        var turn = Store().BeginTurn();
        turn.BeforeWrite(_ws.ForWrite("a.txt"), "edit_file"); // killed right here: the file is not changed yet
        turn.Abandon();

        var pending = Assert.Single(Directory.EnumerateFiles(PendingDir, "*.jsonl"));
        Assert.Contains("\"path\":\"a.txt\"", File.ReadAllText(pending), StringComparison.Ordinal);
        Assert.Empty(Store().RecoverInterrupted()); // the file never changed: nothing of the turn to undo or report
        Assert.Null(Undo.Last(Store()));
        Assert.Equal("old a", File.ReadAllText(_tree.In("a.txt")));
    }

    [Fact]
    public void ATurnStillRunningInAnotherProcessIsLeftAlone()
    {
        var turn = Store().BeginTurn();
        Write(turn, "a.txt", "new");

        Assert.Empty(Store().RecoverInterrupted()); // its pending record is locked
        Assert.Single(Directory.EnumerateFiles(PendingDir, "*.jsonl"));
        turn.Commit();
        Assert.Empty(Directory.EnumerateFiles(PendingDir));
        Assert.False(Store().Latest()!.Interrupted);
        Assert.Equal(turn.Id, Store().Latest()!.Turn);
    }

    [Fact]
    public void APendingRecordOfATurnAlreadyStoredIsDropped()
    {
        var turn = Store().BeginTurn();
        Write(turn, "a.txt", "new");
        turn.Abandon(); // killed between storing the manifest and deleting the pending record:
        Store().Save([new CheckpointEntry("a.txt", null, null, true, null, "write_file")], turn.Id);

        Assert.Empty(Store().RecoverInterrupted());
        Assert.Empty(Directory.EnumerateFiles(PendingDir));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(Store().Directory, "turns")));
    }

    [Fact]
    public void ATornLastLineIsLeftOut()
    {
        var turn = Store().BeginTurn();
        Write(turn, "a.txt", "new");
        turn.Abandon();
        var pending = Directory.EnumerateFiles(PendingDir, "*.jsonl").Single();
        File.AppendAllText(pending, "{\"path\":\"b.t");

        Assert.Equal(["a.txt"], Assert.Single(Store().RecoverInterrupted()).Paths);
    }

    [Fact]
    public void AnEmptyTurnLeavesNothingToUndo()
    {
        var turn = Store().BeginTurn();
        turn.Commit();
        Assert.Empty(Store().RecoverInterrupted());
        Assert.Null(Store().Latest());
    }

    [Fact]
    public void OnlyOurStaleTempFilesInFoldersTheTurnWroteToAreRemoved()
    {
        var hex = Guid.NewGuid().ToString("n");
        Directory.CreateDirectory(_tree.In("src"));
        Directory.CreateDirectory(_tree.In("other"));
        string[] ours = [$"src/.a.txt.sov-{hex}.tmp", $".top.txt.sov-{hex}.tmp", $"src/.x.py.sov-fix-{hex}"];
        string[] theirs =
        [
            $"src/.a.txt.sov-{hex}.tmp.bak", $"src/a.txt.sov-{hex}.tmp", "src/.a.txt.sov-notours.tmp",
            $"src/.a.txt.sov-{hex.ToUpperInvariant()}.tmp", $"other/.a.txt.sov-{hex}.tmp", "src/keep.txt",
        ];
        foreach (var name in ours.Concat(theirs))
        {
            File.WriteAllText(_tree.In(name), "x");
        }

        var locked = _tree.In($"src/.held.sov-{Guid.NewGuid():n}.tmp");
        using var held = new FileStream(locked, FileMode.CreateNew, FileAccess.Write, FileShare.None); // a write in progress
        var turn = Store().BeginTurn();
        Write(turn, "src/a.txt", "new");
        Write(turn, "top.txt", "new");
        turn.Abandon();

        Store().RecoverInterrupted();

        Assert.All(ours, name => Assert.False(File.Exists(_tree.In(name)), name));
        Assert.All(theirs, name => Assert.True(File.Exists(_tree.In(name)), name));
        Assert.True(File.Exists(locked));
    }

    [Fact]
    public void AKilledWriteThatNeverLandedHasItsTempFileSweptToo()
    {
        // Found by CrashTests (seed 573457743): killed between creating its temporary file and the rename, a write of a
        // new file never lands, and its folder was left out of the sweep with it.
        Directory.CreateDirectory(_tree.In("made"));
        var store = Store();
        var turn = store.BeginTurn();
        turn.BeforeWrite(store.Workspace.ForWrite("made/new.txt"), "write_file");
        var temp = _tree.In($"made/.new.txt.sov-{Guid.NewGuid():n}.tmp");
        File.WriteAllText(temp, "half");
        turn.Abandon();

        Store().RecoverInterrupted();

        Assert.False(File.Exists(temp));
        Assert.False(File.Exists(_tree.In("made/new.txt")));
    }

    [Fact]
    public void TheStoresOwnTempFilesAreSweptOnlyWhenADeadTurnWasFound()
    {
        var blobs = Directory.CreateDirectory(Path.Combine(Store().Directory, "blobs")).FullName;
        var stale = Path.Combine(blobs, $".{new string('0', 64)}.sov-{Guid.NewGuid():n}.tmp");
        File.WriteAllText(stale, "x");

        Store().RecoverInterrupted(); // no dead turn: it may be a live session's write
        Assert.True(File.Exists(stale));

        var turn = Store().BeginTurn();
        Write(turn, "a.txt", "new");
        turn.Abandon();
        Store().RecoverInterrupted();
        Assert.False(File.Exists(stale));
    }

    [Theory]
    [InlineData(".a.txt.sov-0123456789abcdef0123456789abcdef.tmp", true)]
    [InlineData(".a.sov-fix-0123456789abcdef0123456789abcdef", true)]
    [InlineData("a.txt.sov-0123456789abcdef0123456789abcdef.tmp", false)]
    [InlineData(".a.txt.sov-0123456789abcdef0123456789abcde.tmp", false)]
    [InlineData(".a.txt.sov-0123456789abcdef0123456789abcdef.tmp\n", false)]
    [InlineData(".sov-0123456789abcdef0123456789abcdef.tmp", false)]
    public void TheTempPatternIsExact(string name, bool ours) => Assert.Equal(ours, AtomicFile.IsTempName(name));

    [Fact]
    public void AnAtomicWriteUsesTheTempPattern() =>
        Assert.True(AtomicFile.IsTempName(AtomicFile.TempName("a.txt")));
}
