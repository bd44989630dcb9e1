using Sov.Borders.FileSystem;
using Sov.Cli.Interactive;
using Sov.Core.Files;
using Sov.Core.Permissions;
using Sov.Tests.Files;

namespace Sov.Tests.Cli.Interactive;

// Issue #12 item 2: a .sov/commands/NAME.md linked outside (or to a file a read deny rule holds back) was sent
// as the person's message while the terminal showed only /NAME.
public sealed class CustomCommandsTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void ProjectTemplatesLinkedOutOrDeniedAreNotSentAndSayWhy()
    {
        var commands = Directory.CreateDirectory(_tree.In(".sov/commands")).FullName;
        File.CreateSymbolicLink(Path.Combine(commands, "leak.md"), Path.Combine(_tree.Outside, "secret.txt"));
        File.WriteAllText(_tree.In("private.txt"), "PRIVATE");
        File.CreateSymbolicLink(Path.Combine(commands, "peek.md"), "../../private.txt");
        File.WriteAllText(Path.Combine(commands, "fine.md"), "Review $ARGUMENTS.");
        var rules = PermissionRules.Parse([], [], ["read:private.txt"]);
        var border = new ProjectFileBorder(new Workspace(_tree.Root, new NativeFileSystem()), new PermissionPolicy(PermissionMode.Ask, rules, sandboxAvailable: false));

        var custom = new CustomCommands(null, commands, border);

        Assert.Null(custom.Expand(new SlashCommand("leak", ""), out var leak));
        Assert.Contains("symlink", leak, StringComparison.Ordinal);
        Assert.Null(custom.Expand(new SlashCommand("peek", ""), out var peek));
        Assert.Contains("deny rule", peek, StringComparison.Ordinal);
        Assert.Equal("Review a.cs.", custom.Expand(new SlashCommand("fine", "a.cs")));
        Assert.Equal(2, custom.NotRead.Count);
    }

    [Fact]
    public void ASymlinkedSovFolderLeadingOutIsRefused()
    {
        Directory.CreateDirectory(Path.Combine(_tree.Outside, "commands"));
        File.WriteAllText(Path.Combine(_tree.Outside, "commands", "x.md"), "SECRET");
        Directory.CreateSymbolicLink(_tree.In(".sov"), _tree.Outside);

        var custom = new CustomCommands(null, _tree.In(".sov/commands"), new ProjectFileBorder(new Workspace(_tree.Root, new NativeFileSystem()), null));

        Assert.Null(custom.Expand(new SlashCommand("x", ""), out var why));
        Assert.Contains("outside the workspace", why, StringComparison.Ordinal);
    }
}
