using Sov.Cli;
using Sov.Cli.Commands;
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

    // #15.8: help, aliases and exit codes of the command line agree with the README.
    [Theory]
    [InlineData("exec", "127.0.0.1:19301")]
    [InlineData("exec", "ftp://127.0.0.1/v1")]
    [InlineData(null, "not a url")]
    public async Task ABadEndpointValueIsAUsageErrorExit2(string? subcommand, string endpoint)
    {
        string[] args = subcommand is null ? ["--endpoint", endpoint] : [subcommand, "--endpoint", endpoint, "task"];
        var (exit, _, err) = await Run(args);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is not an http(s) URL", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUsageErrorPointsAtTheSubcommandsOwnHelp()
    {
        var (_, _, err) = await Run("exec", "--bogus", "task");
        Assert.Contains("Run 'sov exec --help'", err, StringComparison.Ordinal);
        (_, _, err) = await Run("audit", "show", "--nope");
        Assert.Contains("Run 'sov audit show --help'", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootHelpShowsPromptAndWorkspaceAndNamesTheResumeValue()
    {
        var (_, output, _) = await Run("--help");
        Assert.Contains("-p, --prompt <PROMPT>", output, StringComparison.Ordinal);
        Assert.Contains("-C, --workspace <DIR>", output, StringComparison.Ordinal);
        Assert.Contains("--resume <ID>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("<resume>", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "-p", "hi" }, true)]
    [InlineData(new[] { "--model", "m", "-p", "hi" }, true)]
    [InlineData(new[] { "--prompt=hi" }, true)]
    [InlineData(new[] { "exec", "-p", "hi" }, false)]
    [InlineData(new[] { "scan", "--", "-p" }, false)]
    [InlineData(new[] { "--continue" }, false)]
    public void APromptAnywhereBeforeASubcommandRunsExec(string[] args, bool rewritten)
    {
        var result = ExecCommand.RewriteRootAlias(args, ["exec", "scan", "audit"]);
        Assert.Equal(rewritten ? ["exec", .. args] : args, result);
    }

    [Fact]
    public async Task AMissingWorkspaceFolderIsRefusedWithExit3()
    {
        var (exit, _, err) = await Run("-C", "/nonexistent/sov-folder");
        Assert.Equal(ExitCodes.Environment, exit);
        Assert.Contains("/nonexistent/sov-folder does not exist", err, StringComparison.Ordinal);
    }
}
