using System.Text.Json;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Acp;

/// <summary>
/// #18: shell commands run in the editor's terminal (<c>terminal/*</c>) only when the user's config.toml says
/// <c>[acp] editor_terminal = true</c> and the editor offers terminals; then each one is asked about marked UNSANDBOXED
/// (even in full-auto), its output returns to the model, a command past its timeout is killed, every terminal is released
/// and the journal says who ran it. Otherwise the editor never sees <c>terminal/*</c>: the sandbox runs the command.
/// </summary>
public sealed class AcpEditorTerminalTests
{
    private static string Shell(string command, int? timeout = null) =>
        timeout is { } t ? JsonSerializer.Serialize(new { command, timeout_seconds = t }) : JsonSerializer.Serialize(new { command });

    private static List<JsonElement> Requests(JsonElement run, string method) =>
        [.. run.GetProperty("terminalRequests").EnumerateArray().Where(r => r.GetProperty("method").GetString() == method)];

    private static string Journal(AcpClientHarness h, JsonElement run) =>
        File.ReadAllText(Path.Combine(h.Home.FullName, "journal", run.GetProperty("sessionId").GetString() + ".jsonl"));

    [Fact]
    public async Task WithTheKeyOnAndATerminalOfferedCommandsRunThereAskedAsUnsandboxedAndReleased()
    {
        await using var h = await AcpClientHarness.StartAsync();
        File.WriteAllText(Path.Combine(h.Home.FullName, "config.toml"), "[permissions]\nmode = \"full-auto\"\n\n[acp]\neditor_terminal = true\n");
        var ws = h.Workspace.FullName;
        h.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_echo", "shell", Shell("echo \"from-$((40+2))\" && touch made.txt")),
            new ScriptedResponse().ToolCall("call_slow", "shell", Shell("sleep 30", timeout: 1)),
            ScriptedResponse.Text("Done."));
        var run = await h.RunAsync("terminal", script: "terminal.mjs");
        Assert.Equal("end_turn", run.GetProperty("stopReason").GetString());

        // Each command reached terminal/create: bash under env -i, in the workspace, with only the sandbox's variables.
        var created = Requests(run, "terminal/create");
        Assert.Equal(2, created.Count);
        var first = created[0];
        Assert.Equal(ws, first.GetProperty("cwd").GetString());
        Assert.Equal("/usr/bin/env", first.GetProperty("command").GetString());
        var args = first.GetProperty("args").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal("-i", args[0]);
        Assert.Equal(["/bin/bash", "--noprofile", "--norc", "-c", "echo \"from-$((40+2))\" && touch made.txt"], args[^5..]);
        Assert.All(first.GetProperty("env").EnumerateArray(), v => Assert.Contains(v.GetProperty("name").GetString(), new[] { "PATH", "HOME", "LANG", "TERM" }));
        Assert.True(first.GetProperty("outputByteLimit").GetInt64() > 0);

        // Asked every time, marked unsandboxed, though the mode is full-auto.
        var asked = run.GetProperty("permissionRequests").EnumerateArray().Select(p => p.GetProperty("title").GetString()!).ToList();
        Assert.Equal(2, asked.Count);
        Assert.All(asked, t => Assert.Contains("UNSANDBOXED", t, StringComparison.Ordinal));
        Assert.All(asked, t => Assert.Contains("editor's terminal", t, StringComparison.Ordinal));

        // Output back to the model; the slow one was killed at its timeout; every terminal released.
        var last = h.Server.ChatRequests[^1];
        Assert.Contains("from-42", last.ToolMessage("call_echo"), StringComparison.Ordinal);
        Assert.Contains("UNSANDBOXED", last.ToolMessage("call_echo"), StringComparison.Ordinal);
        Assert.Contains("timed out", last.ToolMessage("call_slow"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(ws, "made.txt")));
        Assert.Equal(["term-2"], Requests(run, "terminal/kill").Select(r => r.GetProperty("terminalId").GetString()));
        Assert.Equal(["term-1", "term-2"], Requests(run, "terminal/release").Select(r => r.GetProperty("terminalId").GetString()));
        Assert.NotEmpty(Requests(run, "terminal/output"));

        // The journal says who ran it, and that it was unsandboxed.
        var journal = Journal(h, run);
        Assert.Contains("\"runner\":\"editor-terminal\"", journal, StringComparison.Ordinal);
        Assert.Contains("\"sandbox_profile\":\"unsandboxed\"", journal, StringComparison.Ordinal);
        Assert.Contains("editor's terminal, UNSANDBOXED", run.GetProperty("stderr").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "terminal")] // the key is off (the default): a terminal offered is not used
    [InlineData("[acp]\neditor_terminal = true\n", "none")] // the key is on, but the editor offers no terminal
    public async Task OtherwiseTheEditorNeverSeesTerminalRequestsAndTheSandboxRunsTheCommand(string acp, string mode)
    {
        await using var h = await AcpClientHarness.StartAsync();
        File.WriteAllText(Path.Combine(h.Home.FullName, "config.toml"), "[permissions]\nmode = \"full-auto\"\n\n" + acp);
        h.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_echo", "shell", Shell("echo \"from-$((40+2))\"")),
            ScriptedResponse.Text("Done."));
        var run = await h.RunAsync(mode, script: "terminal.mjs");
        Assert.Equal("end_turn", run.GetProperty("stopReason").GetString());
        Assert.Empty(run.GetProperty("terminalRequests").EnumerateArray());
        Assert.Empty(run.GetProperty("permissionRequests").EnumerateArray()); // full-auto runs it free in the sandbox
        Assert.Contains("from-42", h.Server.ChatRequests[^1].ToolMessage("call_echo"), StringComparison.Ordinal);
        var journal = Journal(h, run);
        Assert.Contains("\"sandbox_profile\":\"bubblewrap\"", journal, StringComparison.Ordinal);
        Assert.DoesNotContain("editor-terminal", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARejectedCommandNeverReachesTheEditorsTerminal()
    {
        await using var h = await AcpClientHarness.StartAsync();
        File.WriteAllText(Path.Combine(h.Home.FullName, "config.toml"), "[acp]\neditor_terminal = true\n");
        h.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_echo", "shell", Shell("touch made.txt")),
            ScriptedResponse.Text("Done."));
        var run = await h.RunAsync("reject", script: "terminal.mjs");
        Assert.Equal("end_turn", run.GetProperty("stopReason").GetString());
        Assert.Contains("UNSANDBOXED", Assert.Single(run.GetProperty("permissionRequests").EnumerateArray()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty(run.GetProperty("terminalRequests").EnumerateArray());
        Assert.False(File.Exists(Path.Combine(h.Workspace.FullName, "made.txt")));
        Assert.DoesNotContain("editor-terminal", Journal(h, run), StringComparison.Ordinal);
    }
}
