using Sov.Borders.Environment;

namespace Sov.Tests.Borders;

public sealed class AllowedEnvironmentTests
{
    [Theory]
    [InlineData("HTTPS_PROXY")]
    [InlineData("http_proxy")]
    [InlineData("HOSTNAME")]
    [InlineData("USER")]
    [InlineData("TZ")]
    [InlineData("SOV_")]
    public void NamesOffTheListAreRefused(string name)
    {
        var env = new AllowedEnvironment();
        Assert.Throws<InvalidOperationException>(() => env.Get(name));
    }

    [Fact]
    public void ListedAndPersonNamedVariablesAreRead()
    {
        var env = new AllowedEnvironment().With("MY_API_KEY_VAR");
        Assert.True(env.IsAllowed("SOV_HOME"));
        Assert.True(env.IsAllowed("SOV_MODEL"));
        Assert.True(env.IsAllowed("MY_API_KEY_VAR"));
        Assert.False(env.IsAllowed("OTHER_KEY"));
    }
}
