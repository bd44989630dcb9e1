using Sov.TestKit;

namespace Sov.EndToEnd;

/// <summary>The published AOT binary: version, help, usage errors, the no-subcommand banner.</summary>
public sealed class CliBasicsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VersionPrintsTheVersionAndExitsZero()
    {
        var result = await SovRun.RunAsync(["--version"], cancellationToken: Ct);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout.Trim());
    }

    [Fact]
    public async Task HelpListsEverySubcommand()
    {
        var result = await SovRun.RunAsync(["--help"], cancellationToken: Ct);
        Assert.Equal(0, result.ExitCode);
        foreach (var name in new[] { "exec", "scan", "audit", "prompt", "privacy", "doctor", "undo" })
        {
            Assert.Contains(name, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownOptionIsAUsageErrorWithExitTwo()
    {
        var result = await SovRun.RunAsync(["--no-such-option"], cancellationToken: Ct);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-option", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BareSovSaysWhatItWillDo()
    {
        // #15.2: with an endpoint it says what it would do (exit 0); without one, FirstRunTests (exit 3).
        var result = await SovRun.RunAsync(["--endpoint", "http://127.0.0.1:9/v1"], cancellationToken: Ct);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Sovereign", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("endpoint http://127.0.0.1:9/v1", result.Stdout, StringComparison.Ordinal);
    }
}
