using Sov.Borders.FileSystem;
using Sov.Cli.Acp;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;
using Sov.Tests.Files;

namespace Sov.Tests.Cli.Acp;

/// <summary>
/// #18: a write through the editor checkpoints the buffer it was checked against (the person's unsaved edits), not the
/// disk, and the turn's result is what was sent: once the editor saved the change, undo restores the buffer's content.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EditorUndoTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly Workspace _ws;
    private readonly CallbackEditor _editor = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public EditorUndoTests() => _ws = new Workspace(_tree.Root, new NativeFileSystem());

    public void Dispose() => _tree.Dispose();

    /// <summary>A turn that edits <c>a.txt</c> through the editor, whose unsaved buffer differs from the disk.</summary>
    private async Task<CheckpointStore> EditTheUnsavedBufferAsync()
    {
        File.WriteAllText(_tree.In("a.txt"), "disk\n");
        _editor.Buffers[_tree.In("a.txt")] = "unsaved work\n";
        var store = new CheckpointStore(Path.Combine(_tree.Base, "state"), _ws);
        var editor = new FileEditor(_ws, new EditorFileAccess(_ws, new WorkspaceFileAccess(_ws), _editor, reads: true, writes: true));
        var turn = store.BeginTurn();
        await editor.ApplyAsync(await editor.PrepareEditAsync("a.txt", "unsaved work", "agent's edit", replaceAll: false, Ct), turn, "edit_file", Ct);
        turn.Commit();
        return store;
    }

    [Fact]
    public async Task UndoRestoresTheUnsavedBufferTheEditWasCheckedAgainst()
    {
        var store = await EditTheUnsavedBufferAsync();
        Assert.Equal("disk\n", File.ReadAllText(_tree.In("a.txt"))); // the editor holds the change; the disk is untouched

        File.WriteAllText(_tree.In("a.txt"), _editor.Buffers[_tree.In("a.txt")]); // the person saves
        var undone = Undo.Last(store);
        Assert.NotNull(undone);
        Assert.Contains("a.txt", undone.Restored);
        Assert.Equal("unsaved work\n", File.ReadAllText(_tree.In("a.txt"))); // not the disk's "disk\n": nothing the person typed is lost
    }

    [Fact]
    public async Task UndoLeavesAFileTheEditorHasNotSaved()
    {
        var store = await EditTheUnsavedBufferAsync();

        var undone = Undo.Last(store);
        Assert.NotNull(undone);
        Assert.DoesNotContain("a.txt", undone.Restored);
        Assert.Equal("disk\n", File.ReadAllText(_tree.In("a.txt"))); // differs from the turn's result: left as it is
    }
}
