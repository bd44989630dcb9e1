using Sov.Cli;
using Sov.Core;

namespace Sov.Tests.Cli;

public sealed class SovAppTests
{
    private sealed class Env(string home) : IEnvironment
    {
        public string? Get(string name) => name == "SOV_HOME" ? home : null;
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await SovApp.RunAsync(args, new CliContext(new Env("/tmp/sov-test-home"), output, error),
            TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task UsageErrorsExitTwoWithOneLineSayingWhatWasWrong()
    {
        var (exit, _, err) = await Run("--bogus");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--bogus", err, StringComparison.Ordinal);
        Assert.Contains("sov --help", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpDescribesEachSubcommandInOneLine()
    {
        var (exit, output, _) = await Run("--help");
        Assert.Equal(ExitCodes.Ok, exit);
        foreach (var name in new[] { "exec", "scan", "audit", "prompt", "privacy", "doctor", "undo" })
        {
            Assert.Matches($@"(?m)^\s+{name}\s+\S", output);
        }
    }
}
