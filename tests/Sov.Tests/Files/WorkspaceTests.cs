using Sov.Borders.FileSystem;
using Sov.Core.Files;

namespace Sov.Tests.Files;

public sealed class WorkspaceTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly Workspace _ws;

    public WorkspaceTests() => _ws = new Workspace(_tree.Root, new NativeFileSystem());

    public void Dispose() => _tree.Dispose();

    [Theory]
    [InlineData("../outside/secret.txt")]
    [InlineData("src/../../outside/secret.txt")]
    [InlineData("/etc/passwd")]
    public void PathsOutsideAreRefusedForWrites(string path)
    {
        Assert.Throws<WorkspaceException>(() => _ws.ForWrite(path));
        Assert.False(_ws.Inspect(path).Inside);
    }

    // Claude Code CVE-2025-54794: a prefix check lets /w/proj-evil pass as inside /w/proj.
    [Fact]
    public void ASiblingSharingThePrefixIsOutside()
    {
        Assert.False(_ws.Contains(_tree.Sibling));
        Assert.Throws<WorkspaceException>(() => _ws.ForWrite(Path.Combine(_tree.Sibling, "x")));
        Assert.Throws<WorkspaceException>(() => _ws.Resolve("../proj-evil/x"));
    }

    // Codex CVE-2025-55345, Claude Code CVE-2026-39861: a symlink inside leading out.
    [Fact]
    public void SymlinksLeadingOutAreRefusedAsFilesAndAsFolders()
    {
        File.CreateSymbolicLink(_tree.In("link.txt"), Path.Combine(_tree.Outside, "secret.txt"));
        Directory.CreateSymbolicLink(_tree.In("dir"), _tree.Outside);
        var file = Assert.Throws<WorkspaceException>(() => _ws.ForWrite("link.txt"));
        Assert.Contains("symlink", file.Message, StringComparison.Ordinal);
        Assert.Throws<WorkspaceException>(() => _ws.ForWrite("dir/new.txt"));
        Assert.Throws<WorkspaceException>(() => _ws.OpenRead(_ws.Inspect("dir/secret.txt")));
        Assert.False(_ws.Inspect("link.txt").Inside);
    }

    [Fact]
    public void SymlinksStayingInsideAreFollowed()
    {
        File.WriteAllText(_tree.In("real.txt"), "a");
        File.CreateSymbolicLink(_tree.In("alias.txt"), "real.txt");
        var p = _ws.ForWrite("alias.txt");
        _ws.WriteAtomic(p, "b"u8);
        Assert.Equal("b", File.ReadAllText(_tree.In("real.txt")));
        Assert.NotNull(new FileInfo(_tree.In("alias.txt")).LinkTarget);
    }

    [Fact]
    public void ASymlinkIntoAProtectedPathIsProtected()
    {
        Directory.CreateDirectory(_tree.In(".git/hooks"));
        Directory.CreateSymbolicLink(_tree.In("hooks"), _tree.In(".git/hooks"));
        Assert.Throws<WorkspaceException>(() => _ws.ForWrite("hooks/pre-commit"));
    }

    // Agents rewriting hooks, git config or their own settings (Copilot CVE-2025-53773, Claude Code
    // CVE-2026-25725, Cursor CVE-2026-26268), in any letter case.
    [Theory]
    [InlineData(".git/config")]
    [InlineData(".git/hooks/pre-commit")]
    [InlineData(".GIT/HOOKS/post-checkout")]
    [InlineData(".gitmodules")]
    [InlineData(".sov/config.toml")]
    [InlineData(".SOV/config.toml")]
    [InlineData(".Sov/instructions.md")]
    [InlineData(".vscode/settings.json")]
    [InlineData(".VSCode/tasks.json")]
    [InlineData(".idea/workspace.xml")]
    [InlineData("sub/.git/config")]
    [InlineData("./src/../.sov/x")]
    public void ProtectedPathsAreReadOnly(string path)
    {
        var e = Assert.Throws<WorkspaceException>(() => _ws.ForWrite(path));
        Assert.Contains("protected", e.Message, StringComparison.Ordinal);
    }

    // Time-of-check/time-of-use: a file checked, then swapped for a symlink leading out before it is opened.
    [Fact]
    public void ASwapAfterTheCheckIsCaughtAtOpen()
    {
        File.WriteAllText(_tree.In("a.txt"), "fine");
        var checkedPath = _ws.Inspect("a.txt");
        File.Delete(_tree.In("a.txt"));
        File.CreateSymbolicLink(_tree.In("a.txt"), Path.Combine(_tree.Outside, "secret.txt"));
        Assert.Throws<WorkspaceException>(() => _ws.OpenRead(checkedPath));
    }

    [Fact]
    public void AFolderSwappedForASymlinkBeforeTheWriteIsCaught()
    {
        Directory.CreateDirectory(_tree.In("src"));
        var checkedPath = _ws.ForWrite("src/new.txt");
        Directory.Delete(_tree.In("src"));
        Directory.CreateSymbolicLink(_tree.In("src"), _tree.Outside);
        Assert.Throws<WorkspaceException>(() => _ws.WriteAtomic(checkedPath, "x"u8));
        Assert.False(File.Exists(Path.Combine(_tree.Outside, "new.txt")));
    }

    [Fact]
    public void ReadingOutsideNeedsApproval()
    {
        var p = _ws.Inspect(Path.Combine(_tree.Outside, "secret.txt"));
        Assert.Throws<WorkspaceException>(() => _ws.OpenRead(p));
        using var approved = _ws.OpenRead(p, outsideApproved: true);
        Assert.Equal('S', approved.ReadByte());
    }

    [Fact]
    public void TheRootIsCanonicalEvenWhenGivenThroughASymlink()
    {
        var viaLink = Path.Combine(_tree.Base, "via");
        Directory.CreateSymbolicLink(viaLink, _tree.Root);
        var ws = new Workspace(viaLink + "/", new NativeFileSystem());
        Assert.Equal(_tree.Root, ws.Root);
        Assert.Equal("a/b.txt", ws.Relative(ws.Resolve("a/b.txt")));
    }
}
