using Sov.Core.Files;

namespace Sov.Tests.Files;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AtomicFileTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void ReplacesContentKeepsModeAndLeavesNoTemporaryFile()
    {
        var path = _tree.In("run.sh");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AtomicFile.Write(path, "new"u8);
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(path));
        Assert.Single(Directory.GetFiles(_tree.Root));
    }

    [Fact]
    public void AFailedCheckLeavesTheOldFileWhole()
    {
        var path = _tree.In("a.txt");
        File.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, "new"u8, _ => throw new InvalidOperationException("no")));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_tree.Root));
    }
}
