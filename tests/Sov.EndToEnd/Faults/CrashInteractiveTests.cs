using System.Diagnostics;
using System.Text.Json;
using Sov.EndToEnd.Interactive;
using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Faults;

/// <summary>
/// #13.7 in the terminal: kill -9 while a turn that already wrote files waits for its next answer; the
/// next <c>sov --continue</c> tells the person and the model which files the interrupted turn changed, and
/// <c>sov undo</c> puts them back.
/// </summary>
public sealed class CrashInteractiveTests
{
    [Fact]
    public async Task AfterKill9MidTurnContinueTellsOfTheEditsAndUndoRestoresThem()
    {
        await using var h = await TerminalHarness.StartAsync();
        h.WriteFile("src/a.txt", "before\n");
        var never = new TaskCompletionSource().Task;
        h.Server.Enqueue(
            new ScriptedResponse()
                .ToolCall("c1", "edit_file", JsonSerializer.Serialize(new { path = "src/a.txt", old_string = "before", new_string = "after" }), index: 0)
                .ToolCall("c2", "write_file", JsonSerializer.Serialize(new { path = "made/new.txt", content = "new\n" }), index: 1),
            new ScriptedResponse().HoldUntil(never));
        var first = await h.OpenAsync("--mode", "auto-edit");
        await first.TypeLineAsync("change the files");
        await h.Server.WhenChatRequests(2); // both tools ran; the turn waits for its next answer
        using (var sov = Process.GetProcessById(await TerminalHarness.SovPidAsync(first)))
        {
            sov.Kill(); // SIGKILL mid-turn
        }

        await first.WaitForTextAsync("[sov exited 137]");
        Assert.Equal("after\n", File.ReadAllText(Path.Combine(h.Workspace.FullName, "src", "a.txt")));

        h.Server.Enqueue(ScriptedResponse.Text("Carrying on."));
        var second = await h.OpenAsync("--mode", "auto-edit", "--continue");
        var banner = await second.WaitForTextAsync("/help for commands");
        Assert.Contains("interrupted", banner, StringComparison.Ordinal);
        Assert.Contains("made/new.txt", banner, StringComparison.Ordinal);
        await second.TypeLineAsync("go on");
        await second.WaitForTextAsync("Carrying on.");
        var told = h.Server.ChatRequests[^1].Body;
        Assert.Contains("previous turn was interrupted", told, StringComparison.Ordinal);
        Assert.Contains("src/a.txt", told, StringComparison.Ordinal);
        Assert.Contains("made/new.txt", told, StringComparison.Ordinal);
        await second.SendKeys("C-d");
        await second.WaitForTextAsync("[sov exited 0]");

        var undo = await SovRun.RunAsync(["undo"], sovHome: h.Home.FullName, workingDirectory: h.Workspace.FullName,
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(undo.ExitCode == 0, undo.Stdout + undo.Stderr);
        Assert.Contains("interrupted", undo.Stdout, StringComparison.Ordinal);
        Assert.Equal("before\n", File.ReadAllText(Path.Combine(h.Workspace.FullName, "src", "a.txt")));
        Assert.False(File.Exists(Path.Combine(h.Workspace.FullName, "made", "new.txt")));
    }
}
