using Sov.Borders.FileSystem;
using Sov.Core.Files;
using Sov.Core.Permissions;

namespace Sov.Tests.Files;

// Issue #12 item 2: project files Sovereign reads on its own (AGENTS.md, .sov/commands, .sov/config.toml)
// pass the same checks as read_file; `ln -s /etc/shadow AGENTS.md` sent the real file to the model.
public sealed class ProjectFileBorderTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly Workspace _ws;

    public ProjectFileBorderTests() => _ws = new Workspace(_tree.Root, new NativeFileSystem());

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void APlainFileIsReadAndAnAbsentOneIsNull()
    {
        File.WriteAllText(_tree.In("AGENTS.md"), "\uFEFFbe kind");
        var read = Border().Read(_tree.In("AGENTS.md"));

        Assert.Equal(new ProjectFileRead("AGENTS.md", "be kind", ProjectFileStatus.Read), read);
        Assert.Equal("read AGENTS.md", read!.Note);
        Assert.Null(Border().Read(_tree.In("CLAUDE.md")));
    }

    [Fact]
    public void ASymlinkLeadingOutIsRefusedAndSaysWhere()
    {
        File.CreateSymbolicLink(_tree.In("AGENTS.md"), Path.Combine(_tree.Outside, "secret.txt"));

        var read = Border().Read(_tree.In("AGENTS.md"))!;

        AssertRefused(read, "symlink");
        Assert.Contains(Path.Combine(_tree.Outside, "secret.txt"), read.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileInASymlinkedFolderLeadingOutIsRefused()
    {
        File.WriteAllText(Path.Combine(_tree.Outside, "config.toml"), "model = \"x\"");
        Directory.CreateSymbolicLink(_tree.In(".sov"), _tree.Outside);

        AssertRefused(Border().Read(_tree.In(".sov/config.toml")), "symlink");
    }

    [Fact]
    public void ASymlinkStayingInsideIsRead()
    {
        File.WriteAllText(_tree.In("AGENTS.md"), "shared");
        File.CreateSymbolicLink(_tree.In("CLAUDE.md"), "AGENTS.md");

        Assert.Equal("shared", Border().Read(_tree.In("CLAUDE.md"))!.Text);
    }

    [Fact]
    public void AHardLinkIsRefusedSinceItsOtherNameMayBeOutside()
    {
        Assert.Equal(0, Link(Path.Combine(_tree.Outside, "secret.txt"), _tree.In("AGENTS.md")));

        AssertRefused(Border().Read(_tree.In("AGENTS.md")), "hard links");
    }

    [Fact]
    public async Task AFifoIsRefusedWithoutWaitingForAWriter()
    {
        MakeFifo(_tree.In("AGENTS.md"));

        // A wait here would time out the test instead of hanging it.
        var read = await Task.Run(() => Border().Read(_tree.In("AGENTS.md")), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        AssertRefused(read, "FIFO");
    }

    [Fact]
    public void ADeviceIsRefused()
    {
        File.CreateSymbolicLink(_tree.In("AGENTS.md"), "/dev/zero");

        // Outside the workspace anyway; the person's own files may link anywhere, but still only to regular files.
        AssertRefused(Border().Read(_tree.In("AGENTS.md")), "symlink");
        AssertRefused(ProjectFileBorder.ReadOwn(new NativeFileSystem(), _tree.In("AGENTS.md")), "character device");
    }

    [Fact]
    public void AHugeFileIsCutAtTheCapAndSaysSo()
    {
        File.WriteAllText(_tree.In("AGENTS.md"), new string('x', 100_000));

        var read = Border().Read(_tree.In("AGENTS.md"), maxBytes: 1024)!;

        Assert.Equal(ProjectFileStatus.Truncated, read.Status);
        Assert.Equal(1024, read.Text!.Length);
        Assert.Contains("only the first 1 KiB", read.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRulesApply_DenyRefusesAskHoldsBack()
    {
        File.WriteAllText(_tree.In("AGENTS.md"), "a");
        File.WriteAllText(_tree.In("notes.env.md"), "b");
        var rules = PermissionRules.Parse([], ["read:**/*.env*"], ["read:AGENTS.md"]);
        var border = new ProjectFileBorder(_ws, new PermissionPolicy(PermissionMode.ReadOnly, rules, sandboxAvailable: false));

        AssertRefused(border.Read(_tree.In("AGENTS.md")), "deny rule");
        var held = border.Read(_tree.In("notes.env.md"))!;
        Assert.Equal(ProjectFileStatus.Held, held.Status);
        Assert.Null(held.Text);
        Assert.StartsWith("did not read notes.env.md", held.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkInsideToAFileADenyRuleHoldsBackIsRefused()
    {
        File.WriteAllText(_tree.In("secret.key"), "KEY");
        File.CreateSymbolicLink(_tree.In("CLAUDE.md"), "secret.key");
        var rules = PermissionRules.Parse([], [], ["read:*.key"]);
        var border = new ProjectFileBorder(_ws, new PermissionPolicy(PermissionMode.Ask, rules, sandboxAvailable: false));

        AssertRefused(border.Read(_tree.In("CLAUDE.md")), "deny rule");
    }

    [Fact]
    public void ThePersonsOwnFileMayBeASymlinkButIsCapped()
    {
        File.CreateSymbolicLink(_tree.In("own.md"), Path.Combine(_tree.Outside, "secret.txt"));

        Assert.Equal("SECRET", ProjectFileBorder.ReadOwn(new NativeFileSystem(), _tree.In("own.md"))!.Text);
        Assert.Equal(ProjectFileStatus.Truncated, ProjectFileBorder.ReadOwn(new NativeFileSystem(), _tree.In("own.md"), maxBytes: 3)!.Status);
        Assert.Null(ProjectFileBorder.ReadOwn(new NativeFileSystem(), _tree.In("absent.md")));
    }

    internal static void MakeFifo(string path) => Assert.Equal(0, Mkfifo(path, 0x180));

    private ProjectFileBorder Border() => new(_ws, policy: null);

    private static void AssertRefused(ProjectFileRead? read, string why)
    {
        Assert.NotNull(read);
        Assert.Equal(ProjectFileStatus.Refused, read.Status);
        Assert.Null(read.Text);
        Assert.Contains(why, read.Note, StringComparison.Ordinal);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link")]
    private static extern int Link(string existing, string created);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo")]
    private static extern int Mkfifo(string path, int mode);
}
