using Sov.Cli.Audit;
using Sov.Core.Config;

namespace Sov.Tests.Cli.Audit;

/// <summary>#14: <c>sov privacy</c> names every folder Sovereign writes, and what each holds.</summary>
public sealed class StateFoldersTests
{
    [Fact]
    public void EveryFolderSovereignWritesIsListedWithWhatItHolds()
    {
        var paths = new SovPaths("/h/config", "/h/state", "/h/cache");
        var folders = StateFolders.List(paths);
        Assert.Equal([paths.SessionsDir, paths.HistoryDir, "/h/state/checkpoints", paths.JournalDir, paths.CacheDir], folders.Select(f => f.Path));
        Assert.All(folders, f => Assert.False(string.IsNullOrWhiteSpace(f.Holds)));
        Assert.Contains("bodies/", folders.Single(f => f.Path == paths.JournalDir).Holds, StringComparison.Ordinal);
    }
}
