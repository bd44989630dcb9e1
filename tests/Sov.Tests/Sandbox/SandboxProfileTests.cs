using Sov.Borders.Processes;
using Sov.Borders.Sandbox;

namespace Sov.Tests.Sandbox;

public sealed class SandboxProfileTests : IDisposable
{
    private readonly SandboxWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task MountPointsForAbsentProtectedPathsAreRemovedAfterwards()
    {
        var result = await _world.RunAsync("ls -a");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(".sov", result.Output, StringComparison.Ordinal);
        Assert.Equal([], Directory.EnumerateFileSystemEntries(_world.Workspace));
    }

    [Fact]
    public async Task AGitFilePointerIsKeptReadOnly()
    {
        File.WriteAllText(Path.Combine(_world.Workspace, ".git"), "gitdir: /elsewhere\n");
        await _world.RunAsync("echo 'gitdir: /tmp/evil' > .git; rm -f .git");
        Assert.Equal("gitdir: /elsewhere\n", File.ReadAllText(Path.Combine(_world.Workspace, ".git")));
    }

    [Fact]
    public async Task UnsandboxedRunsAreMarkedAndStillGetTheReducedEnvironment()
    {
        var shell = new UnsandboxedShell(_world.Settings, new ProcessRunner());
        var result = await shell.RunAsync(new Core.Processes.ShellRequest("echo $HOME; env | wc -l", _world.Workspace, TimeSpan.FromSeconds(10)),
            TestContext.Current.CancellationToken);
        Assert.False(result.Sandboxed);
        Assert.Contains("[UNSANDBOXED]", result.ForModel(), StringComparison.Ordinal);
        Assert.StartsWith(_world.Home, result.Output, StringComparison.Ordinal);
    }
}
