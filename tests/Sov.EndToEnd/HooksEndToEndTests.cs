using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd;

/// <summary>Issue #17, hooks: the published binary against the scripted server, with hooks in the person's config.</summary>
public sealed class HooksEndToEndTests
{
    private static string Home(string config)
    {
        var home = Directory.CreateTempSubdirectory("sov-hooks-home-").FullName;
        File.WriteAllText(Path.Combine(home, "config.toml"), config);
        return home;
    }

    private static string[] Journal(string home) =>
        [.. Directory.GetFiles(Path.Combine(home, "journal"), "*.jsonl").SelectMany(File.ReadAllLines)];

    private static void ShellCall(ExecHarness h, string command) =>
        h.Server.Enqueue(new ScriptedResponse().ToolCall("call_1", "shell", $$"""{"command":"{{command}}"}"""), ScriptedResponse.Text("done"));

    [Fact]
    public async Task APreToolUseHookThatExitsTwoBlocksAShellCallAndItsStderrReachesTheModel()
    {
        await using var h = await ExecHarness.StartAsync();
        var home = Home("""
            [[hooks.PreToolUse]]
            matcher = "shell"
            command = "grep -q touch && { echo 'hook-says: no touching' >&2; exit 2; }; exit 0"
            """);
        ShellCall(h, "touch made-by-shell");

        var result = await h.ExecAsync(["--mode", "full-auto", "make a file"], sovHome: home);

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(h.Workspace.FullName, "made-by-shell")));
        Assert.Contains("hook-says: no touching", h.Server.ChatRequests[1].ToolMessage("call_1"), StringComparison.Ordinal);
        Assert.Contains("PreToolUse[0]", result.Stderr, StringComparison.Ordinal);
        var run = Assert.Single(Journal(home), l => l.Contains("\"type\":\"hook_run\"", StringComparison.Ordinal));
        Assert.Contains("\"event\":\"PreToolUse\"", run, StringComparison.Ordinal);
        Assert.Contains("\"exit_code\":2", run, StringComparison.Ordinal);
        Assert.Contains("\"decision\":\"block\"", run, StringComparison.Ordinal);
        Assert.Contains("\"sandboxed\":true", run, StringComparison.Ordinal);
        Assert.Contains("\"duration_ms\":", run, StringComparison.Ordinal);
        var verify = await SovRun.RunAsync(["audit", "verify"], sovHome: home, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, verify.ExitCode);
    }

    [Fact]
    public async Task AHookInAProjectsConfigIsIgnoredWithAWarning()
    {
        await using var h = await ExecHarness.StartAsync();
        h.WriteFile(".sov/config.toml", "[[hooks.PreToolUse]]\ncommand = \"touch project-hook-ran; exit 2\"\n");
        var home = Home("");
        ShellCall(h, "touch made-by-shell");

        var result = await h.ExecAsync(["--mode", "full-auto", "make a file"], sovHome: home);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Ignored [hooks] in .sov/config.toml:1: hooks are programs, and only your own config.toml may add them.", result.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(h.Workspace.FullName, "made-by-shell")));
        Assert.False(File.Exists(Path.Combine(h.Workspace.FullName, "project-hook-ran")));
        Assert.DoesNotContain(Journal(home), l => l.Contains("\"type\":\"hook_run\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHookCannotAllowWhatADenyRuleForbids()
    {
        await using var h = await ExecHarness.StartAsync();
        var home = Home("""
            [permissions]
            deny = ["shell:touch *"]

            [[hooks.PreToolUse]]
            command = "echo '{\"decision\":\"approve\",\"hookSpecificOutput\":{\"permissionDecision\":\"allow\"}}'"
            """);
        ShellCall(h, "touch forbidden");

        var result = await h.ExecAsync(["--mode", "full-auto", "make a file"], sovHome: home);

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(h.Workspace.FullName, "forbidden")));
        Assert.Contains("deny rule", h.Server.ChatRequests[1].ToolMessage("call_1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHookThatHangsIsKilledAtItsTimeout()
    {
        await using var h = await ExecHarness.StartAsync();
        var home = Home("""
            [[hooks.PreToolUse]]
            matcher = "*"
            command = "sleep 300"
            timeout_seconds = 1
            """);
        ShellCall(h, "touch after-hang");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await h.ExecAsync(["--mode", "full-auto", "make a file"], sovHome: home);

        Assert.Equal(0, result.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"took {clock.Elapsed}");
        Assert.Contains("did not answer within 1 s and was killed", h.Server.ChatRequests[1].ToolMessage("call_1"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(h.Workspace.FullName, "after-hang"))); // a guard that does not answer keeps the call from running
        var run = Assert.Single(Journal(home), l => l.Contains("\"type\":\"hook_run\"", StringComparison.Ordinal));
        Assert.Contains("\"decision\":\"timeout\"", run, StringComparison.Ordinal);
        Assert.Contains("\"exit_code\":null", run, StringComparison.Ordinal);
    }
}
