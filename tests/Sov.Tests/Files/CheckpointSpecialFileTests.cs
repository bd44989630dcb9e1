using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;

namespace Sov.Tests.Files;

/// <summary>
/// CI stop 24 audit: a checkpoint read what was at a path with <c>File.ReadAllBytes</c> after a <c>File.Exists</c>,
/// so a command that left a FIFO where a file was hung the turn (waiting for a writer), and a link to
/// <c>/dev/zero</c> was read for ever. What is not a regular file is now never opened for reading.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CheckpointSpecialFileTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly Workspace _ws;

    public CheckpointSpecialFileTests()
    {
        _ws = new Workspace(_tree.Root, new Sov.Borders.FileSystem.NativeFileSystem());
        File.WriteAllText(_tree.In("a.txt"), "old a");
        File.WriteAllText(_tree.In("b.txt"), "old b");
    }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task AFifoOrALinkToADeviceLeftByACommandDoesNotHangTheTurnOrItsUndo()
    {
        var store = new CheckpointStore(Path.Combine(_tree.Base, "state"), _ws);
        var report = await Task.Run(() =>
        {
            var turn = store.BeginTurn();
            var before = FileSnapshot.Take(_ws);
            turn.BeforeShell(before);
            File.Delete(_tree.In("a.txt")); // the command: `rm a.txt; mkfifo a.txt; ln -sf /dev/zero b.txt`
            ProjectFileBorderTests.MakeFifo(_tree.In("a.txt"));
            File.Delete(_tree.In("b.txt"));
            File.CreateSymbolicLink(_tree.In("b.txt"), "/dev/zero");
            turn.AfterShell(before);
            turn.Commit();
            return Undo.Last(store);
        }, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.NotNull(report);
        Assert.Equal("old a", File.ReadAllText(_tree.In("a.txt"))); // the FIFO the turn made is replaced by the file it took
        Assert.StartsWith("b.txt (outside the workspace", Assert.Single(report.Skipped), StringComparison.Ordinal); // never written through a link
    }

    [Fact]
    public async Task WhatIsAtAPathIsReadOnlyWhenItIsARegularFile()
    {
        ProjectFileBorderTests.MakeFifo(_tree.In("pipe"));
        File.CreateSymbolicLink(_tree.In("zero"), "/dev/zero");

        var (fifo, link, file, none) = await Task.Run(() => (
            RegularContent.Read(_ws.Files, _tree.In("pipe")),
            RegularContent.Read(_ws.Files, _tree.In("zero")),
            RegularContent.Read(_ws.Files, _tree.In("a.txt")),
            RegularContent.Read(_ws.Files, _tree.In("none"))), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal((true, RegularContent.NotRegularHash), (fifo.Present, fifo.Hash));
        Assert.Equal((true, RegularContent.NotRegularHash), (link.Present, link.Hash));
        Assert.Equal("old a"u8.ToArray(), file.Content);
        Assert.False(none.Present);
        Assert.Null(none.Hash);
    }
}
