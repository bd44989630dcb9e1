using Sov.Cli;
using Sov.Core;

namespace Sov.Tests.Cli.Watch;

/// <summary><c>sov watch</c>'s command line: each mistake is one line saying what and what to do, exit 2, before anything runs (#19).</summary>
public sealed class WatchCommandTests
{
    private sealed class Env : IEnvironment
    {
        public string? Get(string name) => name == "SOV_HOME" ? "/tmp/sov-test-home" : null;
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await SovApp.RunAsync(args, new CliContext(new Env(), output, error), TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("no command to watch", "watch")]
    [InlineData("unknown --fail-on category 'everything'", "watch", "--fail-on", "everything", "--", "true")]
    [InlineData("'nowhere' is not HOST:PORT", "watch", "--expect", "nowhere", "--", "true")]
    [InlineData("'host:99999' is not HOST:PORT", "watch", "--allow", "host:99999", "--", "true")]
    [InlineData("give a host name or a loopback address", "watch", "--allow", "192.0.2.1:443", "--", "true")]
    public async Task MistakesAreUsageErrors(string said, params string[] args)
    {
        var (exit, output, error) = await Run(args);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(said, error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task AnUnknownFormatIsRefusedByTheParser()
    {
        var (exit, _, error) = await Run("watch", "--format", "xml", "--", "true");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("xml", error, StringComparison.Ordinal);
    }
}
