using System.Diagnostics;
using Sov.Borders.Environment;
using Sov.Borders.Mcp;
using Sov.Borders.Network;
using Sov.Borders.Sandbox;
using Sov.Core.Config;

namespace Sov.Tests.Borders.Mcp;

/// <summary>
/// CI stop 24: a stdio server that exits is an error at once, not a wait. A server that leaves a background job
/// holding its output open gave no end of output, so its requests waited out their whole timeout.
/// </summary>
public sealed class McpStdioExitTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("sov-mcp-exit-").FullName;

    public void Dispose()
    {
        Sov.TestKit.LeftoverProcess.KillNamedIn(Path.Combine(_workspace, "pid"));
        Directory.Delete(_workspace, recursive: true);
    }

    // The background job keeps the server's stdin and stdout open after the server has exited.
    [Theory]
    [InlineData("sleep 600 <&0 & echo $! > pid; exit 0")]
    [InlineData("exit 0")]
    public async Task AServerThatExitsFailsStartupAtOnceSayingItEnded(string script)
    {
        var server = new McpServerSettings("dead")
        {
            Command = "/bin/bash",
            Args = ["-c", script],
            Sandbox = false,
            StartupTimeout = TimeSpan.FromMinutes(10),
            CallTimeout = TimeSpan.FromMinutes(10),
        };
        var options = new McpConnectOptions(
            new SandboxSettings(_workspace, _workspace, new Dictionary<string, string> { ["PATH"] = SandboxEnvironment.FallbackPath }),
            SandboxAvailable: false, (origins, _) => new EgressOptions([.. origins]), new AllowedEnvironment(), "0.0.0-test");

        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAnyAsync<Exception>(() => McpConnector.ConnectAsync(server, options, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken));

        Assert.Contains("the server ended", e.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");
    }
}
