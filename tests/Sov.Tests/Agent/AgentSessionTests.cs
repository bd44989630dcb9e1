using System.Text.Json;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Permission;
using Sov.Core.Permissions;
using Sov.Core.Agent.Submissions;
using Sov.Core.Tools;
using Sov.TestKit.Model;

namespace Sov.Tests.Agent;

public sealed class AgentSessionTests
{
    private const string Secret = "the-file-content-1234";

    /// <summary>The tool message the model received in the given request, for the given call id.</summary>
    private static string ToolMessage(RecordedRequest request, string callId) =>
        request.ToolMessage(callId) ?? throw new InvalidOperationException($"No tool message for {callId}.");

    [Fact]
    public async Task ANativeToolCallRunsAndItsResultGoesBack()
    {
        await using var h = await AgentHarness.StartAsync();
        h.WriteFile("notes.txt", Secret);
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_1", "read_file", """{"path":"notes.txt"}"""),
            ScriptedResponse.Text("The file says hello."));

        var events = await h.RunAsync("read notes.txt");

        var done = Assert.IsType<TurnCompleted>(events[^1]);
        Assert.Equal(TurnOutcome.Completed, done.Outcome);
        Assert.Equal("The file says hello.", done.FinalText);
        Assert.Equal(2, done.Requests);
        Assert.Contains(Secret, ToolMessage(h.Model.Server.ChatRequests[1], "call_1"), StringComparison.Ordinal);
        Assert.Contains(events, e => e is ToolCallRequested { Name: "read_file", Source: "native" });
    }

    [Fact]
    public async Task AQwen3CoderXmlCallInContentRuns()
    {
        await using var h = await AgentHarness.StartAsync();
        h.WriteFile("a/b.txt", Secret);
        h.Model.Server.Enqueue(
            ScriptedResponse.Text("Let me look.\n<tool_call>\n<function=read_file>\n<parameter=path>\na/b.txt\n</parameter>\n<parameter=limit>\n10.0\n</parameter>\n</function>\n</tool_call>", 6),
            ScriptedResponse.Text("Done."));

        var events = await h.RunAsync("read it");

        Assert.Equal(TurnOutcome.Completed, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        Assert.Contains(Secret, ToolMessage(h.Model.Server.ChatRequests[1], "call_c1"), StringComparison.Ordinal);
        Assert.Contains(events, e => e is ToolCallRequested { Name: "read_file", Source: "content" });
    }

    [Fact]
    public async Task AHermesCallInContentRuns()
    {
        await using var h = await AgentHarness.StartAsync();
        h.WriteFile("x.md", Secret);
        h.Model.Server.Enqueue(
            ScriptedResponse.Text("""<tool_call>{"name": "read_file", "arguments": {"path": "x.md"}}</tool_call>"""),
            ScriptedResponse.Text("Done."));

        await h.RunAsync("read it");

        Assert.Contains(Secret, ToolMessage(h.Model.Server.ChatRequests[1], "call_c1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedArgumentsGoBackAsAToolError()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_1", "read_file", """{"path": "a.txt" """),
            ScriptedResponse.Text("Sorry."));

        var events = await h.RunAsync("go");

        Assert.Equal(TurnOutcome.Completed, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        Assert.Contains("not valid JSON", ToolMessage(h.Model.Server.ChatRequests[1], "call_1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUncoercibleArgumentGoesBackAsAToolError()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_1", "read_file", """{"path": "a.txt", "limit": "lots"}"""),
            ScriptedResponse.Text("Sorry."));

        await h.RunAsync("go");

        Assert.Contains("'limit' must be integer", ToolMessage(h.Model.Server.ChatRequests[1], "call_1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReasoningIsShownButNeverSentBack()
    {
        await using var h = await AgentHarness.StartAsync();
        h.WriteFile("r.txt", "x");
        h.Model.Server.Enqueue(
            new ScriptedResponse().AddReasoning("SECRET-THOUGHT").ToolCall("call_1", "read_file", """{"path":"r.txt"}"""),
            ScriptedResponse.Text("ok"));

        var events = await h.RunAsync("go");

        Assert.Contains(events, e => e is ReasoningDelta);
        Assert.DoesNotContain("SECRET-THOUGHT", h.Model.Server.ChatRequests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadlessDeniesANonReadOnlyToolAndReportsIt()
    {
        var probe = new WriteProbeTool();
        var tools = new ToolRegistry([.. ToolRegistry.ReadOnlyBuiltIns().All, probe]);
        await using var h = await AgentHarness.StartAsync(tools);
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_1", "write_probe", """{"path":"a"}"""),
            ScriptedResponse.Text("ok"));

        var events = await h.RunAsync("go");

        Assert.Equal(0, probe.Runs);
        Assert.Contains(events, e => e is Warning w && w.Message.Contains("Denied write_probe", StringComparison.Ordinal));
        Assert.Contains("Denied", ToolMessage(h.Model.Server.ChatRequests[1], "call_1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAskVerdictWaitsForApprove()
    {
        var probe = new WriteProbeTool();
        var tools = new ToolRegistry([probe]);
        await using var h = await AgentHarness.StartAsync(tools, new AskGate());
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_1", "write_probe", """{"path":"a"}"""),
            ScriptedResponse.Text("ok"));

        var events = await h.RunAsync("go", (e, s) =>
        {
            if (e is ApprovalRequested a)
            {
                s.Submit(new Approve(a.CallId));
            }
        });

        Assert.Equal(1, probe.Runs);
        Assert.Equal(TurnOutcome.Completed, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
    }

    [Fact]
    public async Task MaxTurnsStopsALoopingModel()
    {
        await using var h = await AgentHarness.StartAsync(options: new AgentOptions { MaxTurns = 2 });
        h.Model.Server.Fallback = new ScriptedResponse().ToolCall("call_x", "list_dir", """{"path":"."}""");

        var events = await h.RunAsync("go");

        Assert.Equal(TurnOutcome.MaxTurns, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        Assert.Equal(2, h.Model.Server.ChatRequests.Count);
    }

    [Fact]
    public async Task AStreamCutOffMidAnswerIsAskedAgain()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Model.Server.Enqueue(ScriptedResponse.Text("partial").WithFault(ScriptedFault.TruncatedSse), ScriptedResponse.Text("whole answer"));

        var events = await h.RunAsync("go");

        var done = Assert.IsType<TurnCompleted>(events[^1]);
        Assert.Equal(TurnOutcome.Completed, done.Outcome);
        Assert.Equal("whole answer", done.FinalText);
        Assert.Contains(events, e => e is Warning w && w.Message.Contains("cut off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InterruptStopsTheTurnAndTheConversationStaysUsable()
    {
        await using var h = await AgentHarness.StartAsync();
        var interrupted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Model.Server.Enqueue(ScriptedResponse.Text("a").WithFault(ScriptedFault.EndlessStream, interrupted.Task));

        var events = await h.RunAsync("go", (e, s) =>
        {
            if (e is AssistantDelta && !interrupted.Task.IsCompleted)
            {
                s.Submit(new Interrupt());
                interrupted.TrySetResult();
            }
        });

        Assert.Equal(TurnOutcome.Interrupted, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        await h.Session.WhenIdle;
        var next = await h.RunAsync("again");
        Assert.Equal(TurnOutcome.Completed, Assert.IsType<TurnCompleted>(next[^1]).Outcome);
    }

    [Fact]
    public async Task AModelFailureEndsTheTurnWithAnError()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Model.Server.Fallback = ScriptedResponse.Error(500, "boom");

        var events = await h.RunAsync("go");

        Assert.Equal(TurnOutcome.Failed, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        Assert.Contains(events, e => e is Error { ExitCode: 1 });
    }

    private sealed class AskGate : IPermissionGate
    {
        public ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(PermissionDecision.Ask("test asks"));
    }
}
