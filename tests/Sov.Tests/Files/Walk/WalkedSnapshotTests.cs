using Sov.Borders.FileSystem;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;

namespace Sov.Tests.Files.Walk;

/// <summary>
/// #14: shell snapshots, private files and protected entries walk with the one <c>TreeWalker</c>: symlinks are
/// left alone, the .git folder is not captured, and a name with a backslash (written escaped by the file border)
/// is captured under its own name.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WalkedSnapshotTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void ASnapshotHoldsRealFilesOnlyUnderTheirOwnNames()
    {
        Directory.CreateDirectory(_tree.In(@"d\x41"));
        File.WriteAllText(_tree.In(@"d\x41/a\\b.txt"), "one");
        Directory.CreateDirectory(_tree.In(".git"));
        File.WriteAllText(_tree.In(".git/HEAD"), "ref");
        File.WriteAllText(_tree.In("plain.txt"), "two");
        File.CreateSymbolicLink(_tree.In("link.txt"), _tree.In("plain.txt"));
        Directory.CreateSymbolicLink(_tree.In("out"), _tree.Outside);

        var snapshot = FileSnapshot.Take(new Workspace(_tree.Root, new NativeFileSystem()));

        Assert.Equal([@"d\x41/a\\b.txt", "plain.txt"], snapshot.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("one"u8.ToArray(), snapshot.Files[@"d\x41/a\\b.txt"].Content);
    }

    [Fact]
    public async Task AFifoInTheWorkspaceIsLeftOutNotReadForEver()
    {
        // Review of #14: a sandboxed `mkfifo p` must not hang the snapshot taken after the command.
        File.WriteAllText(_tree.In("plain.txt"), "two");
        var mkfifo = new System.Diagnostics.ProcessStartInfo("/usr/bin/mkfifo") { ArgumentList = { _tree.In("pipe") } };
        await Sov.TestKit.ChildProcess.RunAsync(mkfifo, stdin: null, TimeSpan.FromMinutes(1), "mkfifo", TestContext.Current.CancellationToken);

        var snapshot = await Task.Run(() => FileSnapshot.Take(new Workspace(_tree.Root, new NativeFileSystem())), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(["plain.txt"], snapshot.Files.Keys);
    }

    [Fact]
    public void PrivateFilesTightenWhatIsInsideButNotWhereALinkLeads()
    {
        var state = Path.Join(_tree.Base, "state");
        Directory.CreateDirectory(Path.Join(state, @"s\x41"));
        File.WriteAllText(Path.Join(state, @"s\x41", "f"), "x");
        File.SetUnixFileMode(state, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Join(state, @"s\x41", "f"), (UnixFileMode)0b110_100_100);
        File.SetUnixFileMode(_tree.Outside, (UnixFileMode)0b111_101_101);
        Directory.CreateSymbolicLink(Path.Join(state, "out"), _tree.Outside);

        Assert.Equal(3, PrivateFiles.Tighten(new NativeFileSystem(), [state]));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(Path.Join(state, @"s\x41", "f")));
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(_tree.Outside));
    }

    [Fact]
    public void ProtectedEntriesAreFoundWithoutEnteringThemOrALinkedFolder()
    {
        Directory.CreateDirectory(_tree.In(".git/hooks/.sov"));
        Directory.CreateDirectory(_tree.In(@"sub\x41/.vscode"));
        File.WriteAllText(_tree.In("sub\\x41/.envrc. "), "x");
        Directory.CreateDirectory(Path.Join(_tree.Outside, ".idea"));
        Directory.CreateSymbolicLink(_tree.In("out"), _tree.Outside);
        File.CreateSymbolicLink(_tree.In(".gitmodules"), _tree.In("nowhere"));

        var found = ProtectedEntries.Find(new NativeFileSystem(), _tree.Root, TestContext.Current.CancellationToken);

        Assert.Equal([_tree.In(".git"), _tree.In(".gitmodules"), _tree.In(@"sub\x41/.envrc. "), _tree.In(@"sub\x41/.vscode")], found);
    }
}
