using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Interactive;

/// <summary>The published sov binary in a real terminal (tmux) against the scripted model server.</summary>
internal sealed class TerminalHarness : IAsyncDisposable
{
    private readonly List<TmuxSession> _terminals = [];

    private TerminalHarness(ScriptedModelServer server, DirectoryInfo workspace, DirectoryInfo home)
    {
        Server = server;
        Workspace = workspace;
        Home = home;
    }

    public ScriptedModelServer Server { get; }

    public DirectoryInfo Workspace { get; }

    public DirectoryInfo Home { get; }

    /// <summary>More environment for the terminals opened next (NO_COLOR, say).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public static async Task<TerminalHarness> StartAsync()
    {
        Assert.SkipUnless(TmuxSession.Available, "tmux is not installed (.ci/run installs it)");
        var server = await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken);
        return new TerminalHarness(server, Directory.CreateTempSubdirectory("sov-tui-ws-"), Directory.CreateTempSubdirectory("sov-tui-home-"));
    }

    public void WriteFile(string relative, string content)
    {
        var path = Path.Combine(Workspace.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>
    /// Starts <c>sov</c> in a new terminal and waits for its prompt. A shell runs it and prints its exit
    /// status when it ends ("[sov exited N]"): tmux sometimes leaves an exited pane unreaped for a while.
    /// </summary>
    public async Task<TmuxSession> OpenAsync(params string[] extra)
    {
        var terminal = await TmuxSession.StartAsync(
            ["/bin/sh", "-c", "\"$0\" \"$@\"; echo \"[sov exited $?]\"", SovBinary.Path, "--endpoint", Server.BaseUrl.ToString(), "--model", "scripted-model", .. extra],
            Workspace.FullName,
            new Dictionary<string, string>(Environment)
            {
                ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
                ["HOME"] = Home.FullName,
                ["SOV_HOME"] = Home.FullName,
                ["TERM"] = "xterm-256color",
            });
        _terminals.Add(terminal);
        await terminal.WaitForTextAsync("/help for commands");
        return terminal;
    }

    /// <summary>The sov process in <paramref name="terminal"/> (the child of the pane's shell).</summary>
    public static async Task<int> SovPidAsync(TmuxSession terminal)
    {
        var shell = await terminal.PanePidAsync();
        var children = File.ReadAllText($"/proc/{shell}/task/{shell}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return int.Parse(Assert.Single(children), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var t in _terminals)
        {
            await t.DisposeAsync();
        }

        await Server.DisposeAsync();
        Workspace.Delete(recursive: true);
        Home.Delete(recursive: true);
    }
}
