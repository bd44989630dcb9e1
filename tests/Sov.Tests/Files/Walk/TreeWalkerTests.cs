using Sov.Borders.FileSystem;
using Sov.Core.Files.Ignore;
using Sov.Core.Files.Walk;

namespace Sov.Tests.Files.Walk;

/// <summary>
/// Issue #14: the one tree walker behind scan, grep, glob, shell snapshots and private files. Symlinked folders
/// are listed but never entered, names that are not UTF-8 come escaped and are walked, ignore files apply only
/// when asked, and a folder that cannot be listed is reported without ending the walk.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TreeWalkerTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly TreeWalker _walker = new(new NativeFileSystem());

    public void Dispose()
    {
        RawNames.Delete(_tree.Root); // names that are not UTF-8 need rm
        _tree.Dispose();
    }

    [Fact]
    public void WalksDepthFirstInNameOrderAndNeverEntersASymlinkedFolder()
    {
        Write("b/z.txt");
        Write("b/a/x.txt");
        Write("a.txt");
        Directory.CreateSymbolicLink(_tree.In("loop"), _tree.Root);
        Directory.CreateSymbolicLink(_tree.In("out"), _tree.Outside);

        var walked = Walk(ignores: null);

        Assert.Equal(["a.txt", "b", "b/a", "b/a/x.txt", "b/z.txt", "loop", "out"], walked.Select(e => e.Relative));
        Assert.True(walked.Single(e => e.Relative == "out").Entry.IsLink);
        Assert.DoesNotContain(walked, e => e.Relative.StartsWith("out/", StringComparison.Ordinal) || e.Relative.StartsWith("loop/", StringComparison.Ordinal));
    }

    [Fact]
    public void AppliesIgnoreFilesOnlyWhenGivenAStack()
    {
        Write(".gitignore", "*.log\nbuild/\n");
        Write("keep.txt");
        Write("x.log");
        Write("build/out.txt");
        Write("sub/.gitignore", "secret.txt\n");
        Write("sub/secret.txt");
        Write("sub/other.txt");

        var ignored = Walk(IgnoreStack.Empty).Select(e => e.Relative).ToList();
        var all = Walk(ignores: null).Select(e => e.Relative).ToList();

        Assert.Equal([".gitignore", "keep.txt", "sub", "sub/.gitignore", "sub/other.txt"], ignored);
        Assert.Contains("x.log", all);
        Assert.Contains("build/out.txt", all);
        Assert.Contains("sub/secret.txt", all);
    }

    [Fact]
    public void ANameThatIsNotUtf8IsWalkedEscaped()
    {
        RawNames.Create(_tree.Root, RawNames.Bytes("dir", 0xFE), null);
        RawNames.Create(_tree.Root, [.. RawNames.Bytes("dir", 0xFE), .. RawNames.Bytes("/f", 0xFF)], "x");

        var walked = Walk(ignores: null).Select(e => e.Relative).ToList();

        Assert.Equal([@"dir\xfe", @"dir\xfe/f\xff"], walked);
    }

    [Fact]
    public void TheEnterRuleKeepsAFolderClosedAndListedOnce()
    {
        Write(".git/config");
        Write("src/a.cs");

        var walked = _walker.Walk(_tree.Root, "", null, e => e.Name != ".git", unreadable: null, TestContext.Current.CancellationToken)
            .Select(e => e.Relative).ToList();

        Assert.Equal([".git", "src", "src/a.cs"], walked);
    }

    [Fact]
    public void AFolderThatCannotBeListedIsReportedAndTheWalkGoesOn()
    {
        Write("open/a.txt");
        Write("shut/b.txt");
        var shut = _tree.In("shut");
        var failed = new List<string>();
        File.SetUnixFileMode(shut, UnixFileMode.None);
        try
        {
            if (Directory.EnumerateFileSystemEntries(shut).Any())
            {
                return; // root reads any folder: nothing to show
            }
        }
        catch (UnauthorizedAccessException)
        {
        }

        try
        {
            var walked = _walker.Walk(_tree.Root, "", null, _ => true, (folder, _) => failed.Add(folder), TestContext.Current.CancellationToken)
                .Select(e => e.Relative).ToList();

            Assert.Equal(["open", "open/a.txt", "shut"], walked);
            Assert.Equal([shut], failed);
        }
        finally
        {
            File.SetUnixFileMode(shut, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private List<WalkedEntry> Walk(IgnoreStack? ignores) =>
        [.. _walker.Walk(_tree.Root, "", ignores, _ => true, unreadable: null, TestContext.Current.CancellationToken)];

    private void Write(string relative, string content = "x")
    {
        var path = _tree.In(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
