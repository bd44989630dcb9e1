using System.Text;
using Sov.Borders.FileSystem;
using Sov.Cli.Acp;
using Sov.Core.Files;
using Sov.Tests.Files;

namespace Sov.Tests.Cli.Acp;

/// <summary>
/// #18: the border judges the path again right before and after each request to the editor, so a folder swapped for a
/// link during the round trip fails the call (nothing the editor answered is used), and a path through a link never
/// goes to the editor at all (the border's own open-and-verify path on disk handles it).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EditorFileAccessRaceTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly TempTree _outside = new();
    private readonly Workspace _ws;
    private readonly CallbackEditor _editor = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public EditorFileAccessRaceTests() => _ws = new Workspace(_tree.Root, new NativeFileSystem());

    public void Dispose()
    {
        _tree.Dispose();
        _outside.Dispose();
    }

    private EditorFileAccess Access() => new(_ws, new WorkspaceFileAccess(_ws), _editor, reads: true, writes: true);

    /// <summary><c>src/a.txt</c>, checked; during the editor request <c>src</c> becomes a link to a folder outside the
    /// workspace holding a file of the same name.</summary>
    private WorkspacePath SrcFileThatTheRequestSwaps()
    {
        Directory.CreateDirectory(_tree.In("src"));
        File.WriteAllText(_tree.In("src/a.txt"), "disk\n");
        _editor.OnRequest = _ =>
        {
            Directory.Move(_tree.In("src"), _tree.In("src.old"));
            File.WriteAllText(_outside.In("a.txt"), "outside\n");
            Directory.CreateSymbolicLink(_tree.In("src"), _outside.Root);
        };
        return _ws.Inspect("src/a.txt");
    }

    [Fact]
    public async Task AFolderSwappedForALinkDuringAWriteFailsTheWrite()
    {
        var path = SrcFileThatTheRequestSwaps();

        var refused = await Assert.ThrowsAsync<WorkspaceException>(() => Access().ReplaceAsync(path, "new\n"u8.ToArray(), "disk\n"u8.ToArray(), null, Ct));
        Assert.Contains("changed", refused.Message, StringComparison.Ordinal);
        Assert.Equal("outside\n", File.ReadAllText(_outside.In("a.txt")));
    }

    [Fact]
    public async Task AFolderSwappedForALinkDuringAReadDropsWhatTheEditorAnswered()
    {
        var path = SrcFileThatTheRequestSwaps();

        await Assert.ThrowsAsync<WorkspaceException>(() => WorkspaceFileAccess.ReadAllBytesAsync(Access(), path, Ct));
    }

    [Fact]
    public async Task APathThroughALinkInsideTheWorkspaceStaysOnDisk()
    {
        Directory.CreateDirectory(_tree.In("real"));
        File.WriteAllText(_tree.In("real/a.txt"), "disk\n");
        Directory.CreateSymbolicLink(_tree.In("alias"), _tree.In("real"));
        _editor.Buffers[_tree.In("real/a.txt")] = "unsaved\n";

        var read = await WorkspaceFileAccess.ReadAllBytesAsync(Access(), _ws.Inspect("alias/a.txt"), Ct);
        Assert.Equal("disk\n", Encoding.UTF8.GetString(read));
        await Access().ReplaceAsync(_ws.Inspect("alias/a.txt"), "new\n"u8.ToArray(), "disk\n"u8.ToArray(), null, Ct);
        Assert.Equal("new\n", File.ReadAllText(_tree.In("real/a.txt")));
        Assert.Empty(_editor.Asked);
    }
}
