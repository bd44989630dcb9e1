using Sov.Core;
using Sov.Core.Config;

namespace Sov.Tests.Config;

public sealed class SovPathsTests
{
    private sealed class FakeEnv(Dictionary<string, string> values) : IEnvironment
    {
        public string? Get(string name) => values.GetValueOrDefault(name);
    }

    [Fact]
    public void SovHomeHoldsEverything()
    {
        var p = SovPaths.Resolve(new FakeEnv(new() { ["SOV_HOME"] = "/s", ["HOME"] = "/h", ["XDG_CONFIG_HOME"] = "/x" }));
        Assert.Equal("/s/config.toml", p.ConfigFile);
        Assert.Equal("/s/journal", p.JournalDir);
        Assert.Equal("/s/sessions", p.SessionsDir);
        Assert.Equal("/s/history", p.HistoryDir);
        Assert.Equal("/s/cache", p.CacheDir);
    }

    [Fact]
    public void XdgDirectoriesWhenNoSovHome()
    {
        var p = SovPaths.Resolve(new FakeEnv(new() { ["HOME"] = "/h", ["XDG_STATE_HOME"] = "/state" }));
        Assert.Equal("/h/.config/sov/config.toml", p.ConfigFile);
        Assert.Equal("/state/sov/journal", p.JournalDir);
        Assert.Equal("/h/.cache/sov", p.CacheDir);
    }

    [Fact]
    public void RelativeXdgValuesAreIgnoredAsTheSpecSays()
    {
        var p = SovPaths.Resolve(new FakeEnv(new() { ["HOME"] = "/h", ["XDG_CONFIG_HOME"] = "rel/dir" }));
        Assert.Equal("/h/.config/sov", p.ConfigDir);
    }

    [Fact]
    public void NoHomeAtAllIsAConfigurationError()
    {
        var e = Assert.Throws<ConfigException>(() => SovPaths.Resolve(new FakeEnv([])));
        Assert.Equal(ExitCodes.Environment, e.ExitCode);
        Assert.Contains("SOV_HOME", e.Remedy, StringComparison.Ordinal);
    }
}
