using System.Text.Json;
using Sov.EndToEnd.Interactive;
using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd;

/// <summary>
/// #14: one session id everywhere. What <c>sov exec --output-format json</c> prints as <c>session_id</c> names the
/// session file and the journal; <c>sov audit verify ID</c> takes it; <c>sov undo</c> and <c>--continue</c> add
/// segments to that same journal, which verifies over all of them; <c>sov --resume ID</c> opens it.
/// </summary>
public sealed class SessionIdEndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<SovResult> Sov(string home, string workspace, params string[] args) =>
        SovRun.RunAsync(args, sovHome: home, workingDirectory: workspace, timeout: TimeSpan.FromSeconds(60), cancellationToken: Ct);

    private static string SessionId(SovResult result)
    {
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("session_id").GetString()!;
    }

    private static List<JsonElement> Records(string home, string id) =>
        [.. File.ReadAllLines(Path.Combine(home, "journal", id + ".jsonl")).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public async Task ExecPrintsTheIdThatVerifyUndoAndContinueShare()
    {
        await using var h = await ExecHarness.StartAsync();
        var home = Directory.CreateTempSubdirectory("sov-ids-home-").FullName;
        var ws = h.Workspace.FullName;
        h.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_1", "write_file", """{"path":"made.txt","content":"made\n"}"""),
            ScriptedResponse.Text("Wrote made.txt."));

        var id = SessionId(await h.ExecAsync(["--output-format", "json", "--mode", "auto-edit", "make a file"], sovHome: home));

        Assert.True(File.Exists(Path.Combine(home, "sessions", id + ".jsonl")));
        Assert.Equal([id + ".jsonl"], Directory.GetFiles(Path.Combine(home, "journal"), "*.jsonl").Select(Path.GetFileName));
        var first = Records(home, id)[0];
        Assert.Equal(id, first.GetProperty("session").GetString());
        Assert.Equal("auto-edit", first.GetProperty("permission_mode").GetString()); // the mode in effect, not "headless"
        var verify = await Sov(home, ws, "audit", "verify", id);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);

        // sov undo: journaled in the same session's journal, as its second segment.
        var undo = await Sov(home, ws, "undo");
        Assert.True(undo.ExitCode == 0, undo.Stdout + undo.Stderr);
        Assert.False(File.Exists(Path.Combine(ws, "made.txt")));
        var record = Assert.Single(Records(home, id), r => r.GetProperty("type").GetString() == "undo");
        var file = Assert.Single(record.GetProperty("files").EnumerateArray());
        Assert.Equal("made.txt", file.GetProperty("path").GetString());
        Assert.Equal("removed", file.GetProperty("action").GetString());
        Assert.Equal(64, file.GetProperty("from_sha256").GetString()!.Length);
        verify = await Sov(home, ws, "audit", "verify", id);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.Contains("in 2 segments", verify.Stdout, StringComparison.Ordinal);

        // --continue: the same id, a third segment, and the model is told what was undone.
        h.Server.Enqueue(ScriptedResponse.Text("Understood."));
        var again = SessionId(await h.ExecAsync(["--output-format", "json", "--continue", "what changed?"], sovHome: home));
        Assert.Equal(id, again);
        Assert.Contains("the person undid", h.Server.ChatRequests[^1].Body, StringComparison.Ordinal);
        Assert.Contains("made.txt", h.Server.ChatRequests[^1].Body, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(home, "journal"), "*.jsonl"));
        verify = await Sov(home, ws, "audit", "verify", id);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.Contains("in 3 segments", verify.Stdout, StringComparison.Ordinal);
        var resumes = Records(home, id).Where(r => r.GetProperty("type").GetString() == "resume").ToList();
        Assert.Equal([2L, 3L], resumes.Select(r => r.GetProperty("segment").GetInt64()));
        Assert.Equal(["undo", "exec"], resumes.Select(r => r.GetProperty("kind").GetString()));
        Directory.Delete(home, recursive: true);
    }

    [Fact]
    public async Task ResumeOpensTheSessionExecNamedAndVerifyChecksBothSegments()
    {
        await using var h = await TerminalHarness.StartAsync();
        var id = await ExecFirstAsync(h);

        var terminal = await h.OpenAsync("--resume", id);
        var screen = await terminal.WaitForTextAsync($"Resumed {id}");
        Assert.Contains($"session {id}", screen, StringComparison.Ordinal);
        Assert.Contains("› remember the number", screen, StringComparison.Ordinal);
        await terminal.TypeLineAsync("/quit");
        await terminal.WaitForTextAsync("[sov exited 0]");

        var verify = await Sov(h.Home.FullName, h.Workspace.FullName, "audit", "verify", id);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.Contains("in 2 segments", verify.Stdout, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(h.Home.FullName, "journal"), "*.jsonl"));
    }

    [Fact]
    public async Task ResumeInsideASessionSwitchesToTheOtherSessionsIdAndJournal()
    {
        await using var h = await TerminalHarness.StartAsync();
        var id = await ExecFirstAsync(h);

        var terminal = await h.OpenAsync();
        await terminal.TypeLineAsync("/resume " + id);
        var screen = await terminal.WaitForAsync(s => s.Contains($"Resumed {id}", StringComparison.Ordinal) && s.Split("/help for commands").Length > 2, what: "the other session's banner");
        Assert.Contains($"session {id}", screen[screen.IndexOf($"Resumed {id}", StringComparison.Ordinal)..], StringComparison.Ordinal);
        await terminal.TypeLineAsync("/quit");
        await terminal.WaitForTextAsync("[sov exited 0]");

        var verify = await Sov(h.Home.FullName, h.Workspace.FullName, "audit", "verify", "--all");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.Contains($"ok       {id}  ", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("in 2 segments", verify.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(h.Home.FullName, "journal"), "*.jsonl").Length); // the exec's and the one left
    }

    /// <summary>A headless session that remembers a number; returns the session id its json output names.</summary>
    private static async Task<string> ExecFirstAsync(TerminalHarness h)
    {
        h.Server.Enqueue(ScriptedResponse.Text("The answer is 42."));
        var exec = await SovRun.RunAsync(
            ["exec", "--endpoint", h.Server.BaseUrl.ToString(), "--model", "scripted-model", "--output-format", "json", "remember the number"],
            sovHome: h.Home.FullName, workingDirectory: h.Workspace.FullName, timeout: TimeSpan.FromSeconds(60), cancellationToken: Ct);
        return SessionId(exec);
    }
}
