using Sov.Borders.FileSystem;
using System.Text;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;

namespace Sov.Tests.Files;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileEditorTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly Workspace _ws;
    private readonly FileEditor _editor;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public FileEditorTests()
    {
        _ws = new Workspace(_tree.Root, new NativeFileSystem());
        _editor = new FileEditor(_ws);
    }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task WriteKeepsBomCrlfAndMode()
    {
        var path = _tree.In("a.txt");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "one\r\ntwo\r\n"u8.ToArray()]);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var change = await _editor.PrepareWriteAsync("a.txt", "uno\ndos\n", Ct);
        _editor.Apply(change, null, "write_file");
        Assert.Equal([0xEF, 0xBB, 0xBF, .. "uno\r\ndos\r\n"u8.ToArray()], File.ReadAllBytes(path));
        Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute));
        Assert.Contains("CRLF", change.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditCreatesNothingAndRefusesMissingFiles()
    {
        var e = await Assert.ThrowsAsync<WorkspaceException>(() => _editor.PrepareEditAsync("none.txt", "a", "b", false, Ct));
        Assert.Contains("write_file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeMadeAfterPreparingIsNotOverwritten()
    {
        File.WriteAllText(_tree.In("a.txt"), "one");
        var change = await _editor.PrepareEditAsync("a.txt", "one", "two", false, Ct);
        File.WriteAllText(_tree.In("a.txt"), "person's edit");
        Assert.Throws<WorkspaceException>(() => _editor.Apply(change, null, "edit_file"));
        Assert.Equal("person's edit", File.ReadAllText(_tree.In("a.txt")));
    }

    [Fact]
    public async Task UndoRestoresEditsWritesAndShellChanges()
    {
        var state = Path.Combine(_tree.Base, "state");
        var store = new CheckpointStore(state, _ws);
        File.WriteAllText(_tree.In("edited.txt"), "before\n");
        File.WriteAllText(_tree.In("shell.txt"), "shell before\n");
        File.WriteAllText(_tree.In("removed-by-shell.txt"), "keep me\n");
        var turn = store.BeginTurn();
        _editor.Apply(await _editor.PrepareEditAsync("edited.txt", "before", "after", false, Ct), turn, "edit_file");
        _editor.Apply(await _editor.PrepareWriteAsync("new/created.txt", "hello", Ct), turn, "write_file");
        var snapshot = FileSnapshot.Take(_ws);
        File.WriteAllText(_tree.In("shell.txt"), "shell after\n");
        File.Delete(_tree.In("removed-by-shell.txt"));
        File.WriteAllText(_tree.In("shell-made.txt"), "x");
        var changed = turn.AfterShell(snapshot);
        Assert.Equal(["removed-by-shell.txt", "shell-made.txt", "shell.txt"], changed);
        turn.Commit();

        var report = Undo.Last(store)!;
        Assert.Equal("before\n", File.ReadAllText(_tree.In("edited.txt")));
        Assert.Equal("shell before\n", File.ReadAllText(_tree.In("shell.txt")));
        Assert.Equal("keep me\n", File.ReadAllText(_tree.In("removed-by-shell.txt")));
        Assert.False(File.Exists(_tree.In("new/created.txt")));
        Assert.False(File.Exists(_tree.In("shell-made.txt")));
        Assert.Contains("edited.txt", report.Restored);
        Assert.Contains("new/created.txt", report.Removed);
        Assert.Empty(report.Skipped);
        Assert.Null(Undo.Last(store));
    }

    [Fact]
    public async Task UndoLeavesFilesChangedSinceTheTurnAlone()
    {
        var store = new CheckpointStore(Path.Combine(_tree.Base, "state"), _ws);
        File.WriteAllText(_tree.In("a.txt"), "v1");
        var turn = store.BeginTurn();
        _editor.Apply(await _editor.PrepareWriteAsync("a.txt", "v2", Ct), turn, "write_file");
        turn.Commit();
        File.WriteAllText(_tree.In("a.txt"), "v3 by the person");
        var report = Undo.Last(store)!;
        Assert.Equal("v3 by the person", File.ReadAllText(_tree.In("a.txt"), Encoding.UTF8));
        Assert.Single(report.Skipped);
    }

    [Fact]
    public async Task UndoRemovesTheFoldersAWriteCreatedButNotOnesThatWereThereOrFilledSince()
    {
        // #15.9: undo left behind the empty folders its write had made.
        var store = new CheckpointStore(Path.Combine(_tree.Base, "state"), _ws);
        Directory.CreateDirectory(_tree.In("kept"));
        var turn = store.BeginTurn();
        _editor.Apply(await _editor.PrepareWriteAsync("made/deep/er/a.txt", "x", Ct), turn, "write_file");
        _editor.Apply(await _editor.PrepareWriteAsync("kept/b.txt", "y", Ct), turn, "write_file");
        _editor.Apply(await _editor.PrepareWriteAsync("filled/c.txt", "z", Ct), turn, "write_file");
        turn.Commit();
        File.WriteAllText(_tree.In("filled/person.txt"), "mine");

        Undo.Last(store);
        Assert.False(Directory.Exists(_tree.In("made")));
        Assert.True(Directory.Exists(_tree.In("kept")));
        Assert.True(File.Exists(_tree.In("filled/person.txt")));
    }
}
