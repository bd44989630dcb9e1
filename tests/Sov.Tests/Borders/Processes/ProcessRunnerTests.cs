using System.Diagnostics;
using Sov.Borders.Processes;

namespace Sov.Tests.Borders.Processes;

/// <summary>
/// CI stop 24: the process door must not wait without end. A program that exits while a daemon it left holds its
/// output gives its result soon after it exits, and stdin a program never reads does not outlast the timeout.
/// </summary>
public sealed class ProcessRunnerTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);
    private static readonly Dictionary<string, string> SearchPath = new() { ["PATH"] = "/usr/bin:/bin" };
    private readonly string _folder = Directory.CreateTempSubdirectory("sov-runner-").FullName;

    public void Dispose()
    {
        Sov.TestKit.LeftoverProcess.KillNamedIn(Path.Combine(_folder, "pid"));
        Directory.Delete(_folder, recursive: true);
    }

    // CI stop 24: the output was read to its end, which a background job holding the pipe never gives.
    [Fact]
    public async Task AProgramThatLeavesADaemonHoldingItsOutputIsDoneSoonAfterItExits()
    {
        var clock = Stopwatch.StartNew();
        var result = await new ProcessRunner().RunAsync(["/bin/bash", "-c", "echo started; sleep 600 & echo $! > pid; exit 3"], _folder,
            SearchPath, TimeSpan.FromMinutes(5), cancellationToken: TestContext.Current.CancellationToken)
            .WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.TimedOut);
        Assert.Contains("started", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"took {clock.Elapsed}");
    }

    // CI stop 24: stdin was written in full before the timeout started; a program that never reads it held the write.
    [Fact]
    public async Task StdinTheProgramNeverReadsDoesNotOutlastTheTimeout()
    {
        var result = await new ProcessRunner().RunAsync(["/bin/sleep", "600"], _folder, SearchPath,
            TimeSpan.FromSeconds(2), standardInput: new string('x', 4 * 1024 * 1024), cancellationToken: TestContext.Current.CancellationToken)
            .WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.True(result.TimedOut);
    }

    [Fact]
    public async Task StdinIsStillGivenToAProgramThatReadsIt()
    {
        var result = await new ProcessRunner().RunAsync(["/usr/bin/wc", "-c"], _folder, SearchPath,
            TimeSpan.FromSeconds(30), standardInput: new string('x', 1024 * 1024), cancellationToken: TestContext.Current.CancellationToken)
            .WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("1048576", result.StandardOutput.Trim());
    }
}
