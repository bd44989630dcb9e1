using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;

namespace Sov.Tests.Files;

/// <summary>
/// #13.7: a shell command's changes were only found when it ended, so a kill while it ran left them out of
/// undo. The turn's first shell command now stores the files' state first; recovery compares against it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CheckpointShellRecoveryTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly Workspace _ws;
    private readonly string _state;

    public CheckpointShellRecoveryTests()
    {
        _ws = new Workspace(_tree.Root);
        _state = Path.Combine(_tree.Base, "state");
        File.WriteAllText(_tree.In("a.txt"), "old a");
        File.WriteAllText(_tree.In("b.txt"), "old b");
    }

    public void Dispose() => _tree.Dispose();

    private CheckpointStore Store() => new(_state, _ws);

    [Fact]
    public void WhatACommandKilledMidRunChangedIsUndone()
    {
        var turn = Store().BeginTurn();
        turn.BeforeShell(FileSnapshot.Take(_ws));
        File.WriteAllText(_tree.In("a.txt"), "shell a"); // the command runs; then the process is killed
        File.Delete(_tree.In("b.txt"));
        File.WriteAllText(_tree.In("c.txt"), "shell c");
        turn.Abandon();

        Assert.Equal(["a.txt", "b.txt", "c.txt"], Assert.Single(Store().RecoverInterrupted()).Paths);
        var report = Undo.Last(Store())!;

        Assert.Equal("old a", File.ReadAllText(_tree.In("a.txt")));
        Assert.Equal("old b", File.ReadAllText(_tree.In("b.txt")));
        Assert.False(File.Exists(_tree.In("c.txt")));
        Assert.Empty(report.Skipped);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Store().Directory, "pending")));
    }

    [Fact]
    public void AFileWrittenBeforeTheCommandComesBackToItsStateBeforeTheTurn()
    {
        var turn = Store().BeginTurn();
        turn.BeforeWrite(_ws.ForWrite("a.txt"), "write_file");
        File.WriteAllText(_tree.In("a.txt"), "written a");
        turn.BeforeShell(FileSnapshot.Take(_ws));
        File.WriteAllText(_tree.In("a.txt"), "shell a");
        turn.Abandon();

        Store().RecoverInterrupted();
        Undo.Last(Store());

        Assert.Equal("old a", File.ReadAllText(_tree.In("a.txt")));
    }

    [Fact]
    public void AnEndedTurnDropsItsSnapshot()
    {
        var turn = Store().BeginTurn();
        var before = FileSnapshot.Take(_ws);
        turn.BeforeShell(before);
        File.WriteAllText(_tree.In("a.txt"), "shell a");
        turn.AfterShell(before);
        turn.Commit();

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Store().Directory, "pending")));
        Assert.Empty(Store().RecoverInterrupted());
        Assert.False(Store().Latest()!.Interrupted);
    }

    [Fact]
    public void AFileBeyondAWalkThatStoppedAtItsCapIsNeverRemoved()
    {
        var turn = Store().BeginTurn();
        var partial = FileSnapshot.From(
            new Dictionary<string, FileState>(FileSnapshot.Take(_ws).Files.Where(f => f.Key == "a.txt"), StringComparer.Ordinal),
            complete: false);
        turn.BeforeShell(partial);
        turn.Abandon();

        Store().RecoverInterrupted();

        Assert.Null(Store().Latest()); // b.txt was not in the walk: not taken for a file the command created
        Assert.True(File.Exists(_tree.In("b.txt")));
    }
}
