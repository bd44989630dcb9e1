using Sov.Borders.FileSystem;
using Sov.Core.Files;

namespace Sov.Tests.Files;

/// <summary>
/// Review of #13: a write waits for another holder of its folder's lock only for a bound. A holder that keeps it
/// for longer (a stopped or hung process) makes the write fail with a message naming the folder; nothing is written.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FolderLockTests : IDisposable
{
    private readonly TempTree _tree = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void AHeldLockIsWaitedForOnlyForTheBound()
    {
        using var held = new NativeFileSystem().LockFolder(_tree.Root);

        var e = Assert.Throws<IOException>(() => new NativeFileSystem(TimeSpan.FromMilliseconds(150)).LockFolder(_tree.Root));

        Assert.Contains(_tree.Root, e.Message, StringComparison.Ordinal);
        Assert.Contains("write lock", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriteUnderAHeldLockFailsAndWritesNothing()
    {
        File.WriteAllText(_tree.In("a.txt"), "one\n");
        var editor = new FileEditor(new Workspace(_tree.Root, new NativeFileSystem(TimeSpan.FromMilliseconds(150))));
        var change = await editor.PrepareEditAsync("a.txt", "one", "ONE", false, Ct);

        using (new NativeFileSystem().LockFolder(_tree.Root))
        {
            Assert.ThrowsAny<Exception>(() => editor.Apply(change, null, "edit_file"));
        }

        Assert.Equal("one\n", File.ReadAllText(_tree.In("a.txt")));
        Assert.Empty(Directory.GetFiles(_tree.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void AReleasedLockIsTakenAtOnce()
    {
        var files = new NativeFileSystem(TimeSpan.FromSeconds(5));
        using (files.LockFolder(_tree.Root))
        {
        }

        using var again = files.LockFolder(_tree.Root);
    }
}
