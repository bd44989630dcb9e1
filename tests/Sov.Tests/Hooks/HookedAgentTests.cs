using Sov.Borders.FileSystem;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Audit;
using Sov.Core.Audit.Records;
using Sov.Core.Files;
using Sov.Core.Hooks;
using Sov.Core.Permissions;
using Sov.Core.Tools;
using Sov.TestKit.Model;
using Sov.Tests.Agent;

namespace Sov.Tests.Hooks;

// Issue #17: the agent loop asks the person's hooks at session start, before each prompt, around each tool call (after
// the permission rules: a hook may deny, never allow past a deny rule) and at each stop; every run is journaled.
public sealed class HookedAgentTests
{
    private static readonly HookSession Session = new("s-1", "/ws", "full-auto");

    private static (AgentOptions Options, List<IJournalRecord> Journal) With(IHookProcess process, params HookDefinition[] hooks)
    {
        var journal = new List<IJournalRecord>();
        var sessionHooks = new SessionHooks([.. hooks.Select((h, i) => h with { Label = $"{h.Event}[{i}]" })], process, Session, r => { lock (journal) { journal.Add(r); } });
        return (new AgentOptions { Instructions = "test prompt", Hooks = sessionHooks }, journal);
    }

    private static PolicyPermissionGate FullAuto(params string[] deny) =>
        new(new PermissionPolicy(PermissionMode.FullAuto, PermissionRules.Parse([], [], deny), sandboxAvailable: true),
            new Workspace(Path.GetTempPath(), new NativeFileSystem()), headless: true);

    [Fact]
    public async Task APreToolUseHookThatExitsTwoBlocksTheShellCallAndItsStderrReachesTheModel()
    {
        var process = new ScriptedHookProcess((_, _) => ScriptedHookProcess.Exit(2, "", "no network tools, use the cache"));
        var (options, journal) = With(process, new HookDefinition(HookEvent.PreToolUse, "guard") { Matcher = "shell" });
        var shell = new ShellProbeTool();
        await using var h = await AgentHarness.StartAsync(new ToolRegistry([shell]), FullAuto(), options);
        h.Model.Server.Enqueue(new ScriptedResponse().ToolCall("c1", "shell", """{"command":"curl x"}"""), ScriptedResponse.Text("ok"));

        var events = await h.RunAsync("go");

        Assert.Equal(0, shell.Runs);
        Assert.Contains("no network tools, use the cache", h.Model.Server.ChatRequests[1].ToolMessage("c1"), StringComparison.Ordinal);
        Assert.Contains(events, e => e is Warning w && w.Message.Contains("PreToolUse[0]", StringComparison.Ordinal));
        var (hook, input) = Assert.Single(process.Runs);
        Assert.Contains("\"tool_name\":\"shell\"", input, StringComparison.Ordinal);
        Assert.Contains("\"tool_input\":{\"command\":\"curl x\"}", input, StringComparison.Ordinal);
        Assert.Contains("\"hook_event_name\":\"PreToolUse\"", input, StringComparison.Ordinal);
        var run = Assert.IsType<HookRunRecord>(Assert.Single(journal));
        Assert.Equal(("PreToolUse", "shell", 2, "block"), (run.Event, run.Tool, run.ExitCode, run.Decision));
    }

    [Fact]
    public async Task AHookThatApprovesCannotAllowWhatADenyRuleForbids()
    {
        var process = new ScriptedHookProcess((_, _) => ScriptedHookProcess.Exit(0, """{"decision":"approve","hookSpecificOutput":{"permissionDecision":"allow"}}"""));
        var (options, _) = With(process, new HookDefinition(HookEvent.PreToolUse, "approve-all"));
        var shell = new ShellProbeTool();
        await using var h = await AgentHarness.StartAsync(new ToolRegistry([shell]), FullAuto("shell:rm *"), options);
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("c1", "shell", """{"command":"rm -rf src"}""").ToolCall("c2", "shell", """{"command":"ls"}"""),
            ScriptedResponse.Text("ok"));

        await h.RunAsync("go");

        Assert.Equal(1, shell.Runs); // ls ran; rm never did
        Assert.Contains("deny rule", h.Model.Server.ChatRequests[1].ToolMessage("c1"), StringComparison.Ordinal);
        Assert.Equal("ran", h.Model.Server.ChatRequests[1].ToolMessage("c2"));
        Assert.Single(process.Runs); // the hook was asked about ls only: a denied call never reaches it
    }

    [Fact]
    public async Task PromptHooksAddContextOrBlockThePromptBeforeTheModelIsAsked()
    {
        var process = new ScriptedHookProcess((hook, input) => hook.Event == HookEvent.SessionStart ? ScriptedHookProcess.Exit(0, "started-ctx")
            : input.Contains("forbidden", StringComparison.Ordinal) ? ScriptedHookProcess.Exit(2, "", "not that topic")
            : ScriptedHookProcess.Exit(0, """{"hookSpecificOutput":{"additionalContext":"branch is main"}}"""));
        var (options, _) = With(process, new HookDefinition(HookEvent.SessionStart, "s"), new HookDefinition(HookEvent.UserPromptSubmit, "p"));
        await using var h = await AgentHarness.StartAsync(options: options);
        h.Model.Server.Enqueue(ScriptedResponse.Text("hi"), ScriptedResponse.Text("again"));

        await h.RunAsync("hello");
        var blocked = await h.RunAsync("the forbidden thing");
        await h.RunAsync("more");

        Assert.Equal(2, h.Model.Server.ChatRequests.Count); // the blocked prompt never reached the model
        Assert.Contains("started-ctx", h.Model.Server.ChatRequests[0].Body, StringComparison.Ordinal);
        Assert.Contains("branch is main", h.Model.Server.ChatRequests[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("forbidden", h.Model.Server.ChatRequests[1].Body, StringComparison.Ordinal);
        Assert.Contains(blocked, e => e is Error err && err.Message.Contains("not that topic", StringComparison.Ordinal));
        Assert.Equal(TurnOutcome.Failed, blocked.OfType<TurnCompleted>().Single().Outcome);
        Assert.Single(process.Runs, r => r.Hook.Event == HookEvent.SessionStart); // once per session
        Assert.Contains("\"source\":\"startup\"", process.Runs.First().Input, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStopHookSendsTheModelBackWithItsReason_Boundedly()
    {
        var process = new ScriptedHookProcess((_, _) => ScriptedHookProcess.Exit(0, """{"decision":"block","reason":"run the tests first"}"""));
        var (options, _) = With(process, new HookDefinition(HookEvent.Stop, "never-done"));
        await using var h = await AgentHarness.StartAsync(options: options);
        for (var i = 0; i < TurnHooks.MaxStopBlocks + 1; i++)
        {
            h.Model.Server.Enqueue(ScriptedResponse.Text($"answer {i}"));
        }

        var events = await h.RunAsync("fix it");

        Assert.Equal(TurnHooks.MaxStopBlocks + 1, h.Model.Server.ChatRequests.Count);
        Assert.Contains("run the tests first", h.Model.Server.ChatRequests[1].Body, StringComparison.Ordinal);
        Assert.Equal(TurnOutcome.Completed, events.OfType<TurnCompleted>().Single().Outcome);
        Assert.Contains("\"stop_hook_active\":true", process.Runs.Last().Input, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostToolUseHookAddsToTheResultTheModelSees()
    {
        var process = new ScriptedHookProcess((_, _) => ScriptedHookProcess.Exit(0, """{"decision":"block","reason":"lint failed: 3 errors"}"""));
        var (options, _) = With(process, new HookDefinition(HookEvent.PostToolUse, "lint") { Matcher = "shell" });
        await using var h = await AgentHarness.StartAsync(new ToolRegistry([new ShellProbeTool()]), FullAuto(), options);
        h.Model.Server.Enqueue(new ScriptedResponse().ToolCall("c1", "shell", """{"command":"make"}"""), ScriptedResponse.Text("ok"));

        await h.RunAsync("go");

        var message = h.Model.Server.ChatRequests[1].ToolMessage("c1");
        Assert.StartsWith("ran", message, StringComparison.Ordinal);
        Assert.Contains("[PostToolUse hook: lint failed: 3 errors]", message, StringComparison.Ordinal);
        Assert.Contains("\"tool_response\":{\"output\":\"ran\",\"is_error\":false}", process.Runs.Single().Input, StringComparison.Ordinal);
    }
}
