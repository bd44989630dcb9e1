using System.Diagnostics;
using Sov.Borders.Hooks;
using Sov.Borders.Processes;
using Sov.Core.Hooks;
using Sov.Tests.Sandbox;

namespace Sov.Tests.Borders.Hooks;

// Issue #17: a hook runs through the one process door, in the sandbox by default, reads its input on stdin, answers on
// stdout and stderr (kept apart), and at its timeout is killed with everything it started (its whole process group).
public sealed class HookProcessTests : IDisposable
{
    private readonly SandboxWorld _world = new();

    public void Dispose() => _world.Dispose();

    private Task<HookProcessResult> RunAsync(string command, bool sandbox, double seconds = 20, string input = "{\"hook_event_name\":\"PreToolUse\"}") =>
        new HookProcess(_world.Settings, sandboxAvailable: true, new ProcessRunner())
            .RunAsync(new HookDefinition(HookEvent.PreToolUse, command) { Sandbox = sandbox, Timeout = TimeSpan.FromSeconds(seconds) }, input, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheInputArrivesOnStdinAndStdoutAndStderrComeBackApart(bool sandbox)
    {
        var result = await RunAsync("cat; echo to-stderr >&2; echo \"dir=$CLAUDE_PROJECT_DIR\"; exit 2", sandbox);

        Assert.Equal(2, result.ExitCode);
        Assert.False(result.TimedOut);
        Assert.Equal(sandbox, result.Sandboxed);
        Assert.Equal("{\"hook_event_name\":\"PreToolUse\"}dir=" + _world.Workspace + "\n", result.Stdout);
        Assert.Equal("to-stderr\n", result.Stderr);
    }

    [Fact]
    public async Task ASandboxedHookHasNoNetworkAndCannotWriteOutsideTheWorkspace()
    {
        var outside = Path.Combine(_world.Outside, "hook-pwned");
        var result = await RunAsync($"echo x > {outside}; exec 3<>/dev/tcp/127.0.0.1/9 && echo connected", sandbox: true);

        Assert.False(File.Exists(outside));
        Assert.DoesNotContain("connected", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AHookThatHangsIsKilledAtItsTimeoutWithWhatItStarted(bool sandbox)
    {
        var marker = Path.Combine(_world.Workspace, "survivor");
        // A grandchild that leaves the process tree (double fork) and would write a marker two seconds later.
        var clock = Stopwatch.StartNew();
        var result = await RunAsync($"( (sleep 2; echo alive > {marker}) & ) ; sleep 300", sandbox, seconds: 0.5, input: new string('x', 1 << 20));

        Assert.True(result.TimedOut);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken); // past the grandchild's two seconds
        Assert.False(File.Exists(marker), "a process the hook started outlived its timeout");
    }

    [Fact]
    public async Task ASandboxedHookIsNotRunWithoutBubblewrap()
    {
        var result = await new HookProcess(_world.Settings, sandboxAvailable: false, new ProcessRunner())
            .RunAsync(new HookDefinition(HookEvent.PreToolUse, "touch ran") { Sandbox = true }, "{}", TestContext.Current.CancellationToken);

        Assert.NotNull(result.Failure);
        Assert.False(File.Exists(Path.Combine(_world.Workspace, "ran")));
    }
}
