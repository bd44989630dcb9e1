using System.Text;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;
using Sov.Core.Agent.Subagents;
using Sov.Core.Tools;
using Sov.Core.Tools.Subagents;
using Sov.TestKit.Model;

namespace Sov.Tests.Agent.Subagents;

/// <summary>The bounds on subagents (#17): how many run at once, how much of an answer returns, and that interrupt stops them.</summary>
public sealed class SubagentHostTests
{
    private static bool IsChild(string body) => body.Contains("You are a subagent", StringComparison.Ordinal);

    private static bool HasToolResult(string body) => body.Contains("\"role\":\"tool\"", StringComparison.Ordinal);

    private static ScriptedResponse Tasks(int count)
    {
        var response = new ScriptedResponse();
        for (var i = 0; i < count; i++)
        {
            response.ToolCall($"t{i}", "task", $$"""{"agent":"prober","description":"probe {{i}}","prompt":"probe {{i}}"}""", index: i);
        }

        return response;
    }

    private static (ToolRegistry Tools, AgentOptions Options) Setup(ITool probe, SubagentLimits limits)
    {
        var agents = new AgentCatalog([new AgentDefinition("prober", "probes", [probe.Name], null, "You probe.")]);
        var tools = new ToolRegistry([.. ToolRegistry.ReadOnlyBuiltIns().All, probe, new TaskTool(agents)]);
        return (tools, new AgentOptions { Instructions = "parent", Agents = agents, SubagentLimits = limits });
    }

    [Fact]
    public async Task NoMoreChildrenRunAtOnceThanTheBound()
    {
        var probe = new SlotProbeTool(expected: 2);
        var (tools, options) = Setup(probe, new SubagentLimits { MaxParallel = 2 });
        var sink = new CountingSink();
        await using var h = await AgentHarness.StartAsync(tools, options: options, sink: sink);
        h.Model.Server.Responder = body => IsChild(body)
            ? HasToolResult(body) ? ScriptedResponse.Text("child done") : new ScriptedResponse().ToolCall("p", "slot_probe", "{}")
            : HasToolResult(body) ? ScriptedResponse.Text("all done") : Tasks(4);

        var run = h.RunAsync("go");
        await probe.Running.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        // Both slots are held by probes that wait: the other two children cannot have started.
        Assert.Equal(2, sink.Started);
        probe.Release.SetResult();
        var events = await run;

        Assert.Equal(TurnOutcome.Completed, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        Assert.Equal(4, events.OfType<SubagentCompleted>().Count(c => c.Outcome == TurnOutcome.Completed));
        Assert.Equal(2, probe.Max);
        Assert.All(events.OfType<ToolResult>().Where(r => r.Name == "task"), r => Assert.Equal("child done", r.Output));
    }

    [Fact]
    public async Task AChildsAnswerIsCutToTheBoundAndSaysSo()
    {
        var probe = new SlotProbeTool(expected: 1);
        var (tools, options) = Setup(probe, new SubagentLimits { MaxResultBytes = 1000 });
        await using var h = await AgentHarness.StartAsync(tools, options: options);
        h.Model.Server.Responder = body => IsChild(body)
            ? ScriptedResponse.Text(new string('x', 5000), 1)
            : HasToolResult(body) ? ScriptedResponse.Text("ok") : Tasks(1);

        var events = await h.RunAsync("go");

        var result = Assert.Single(events.OfType<ToolResult>(), r => r.Name == "task");
        Assert.StartsWith(new string('x', 1000) + "\n[cut: the subagent's answer was 5,000 bytes", result.Output, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(result.Output) < 1200);
        Assert.True(Assert.Single(events.OfType<SubagentCompleted>()).Truncated);
    }

    [Fact]
    public async Task InterruptStopsTheChildren()
    {
        var stuck = new BlockingTool("stuck", null, untilCancelled: true);
        var (tools, options) = Setup(stuck, new SubagentLimits());
        await using var h = await AgentHarness.StartAsync(tools, options: options);
        h.Model.Server.Responder = body => IsChild(body)
            ? new ScriptedResponse().ToolCall("s", "stuck", "{}")
            : HasToolResult(body) ? ScriptedResponse.Text("next") : Tasks(2);

        var run = h.RunAsync("go");
        await stuck.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        h.Session.Submit(new Interrupt());
        var events = await run;

        Assert.Equal(TurnOutcome.Interrupted, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        Assert.Contains(events, e => e is SubagentCompleted { Outcome: TurnOutcome.Interrupted });
    }

    [Fact]
    public async Task AChildHasNoTaskToolAndItsCallsCarryItsId()
    {
        var probe = new SlotProbeTool(expected: 1);
        probe.Release.SetResult();
        var (tools, options) = Setup(probe, new SubagentLimits());
        await using var h = await AgentHarness.StartAsync(tools, options: options);
        h.Model.Server.Responder = body => IsChild(body)
            ? HasToolResult(body) ? ScriptedResponse.Text("child done") : new ScriptedResponse().ToolCall("p", "task", """{"description":"x","prompt":"y"}""")
            : HasToolResult(body) ? ScriptedResponse.Text("ok") : Tasks(1);

        var events = await h.RunAsync("go");

        var child = Assert.Single(events.OfType<SubagentEvent>(), e => e.Event is ToolResult);
        var result = Assert.IsType<ToolResult>(child.Event);
        Assert.Equal("sub1.p", result.CallId);
        Assert.True(result.IsError);
        Assert.Contains("Unknown tool 'task'", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Model.Server.ChatRequests.Where(r => IsChild(r.Body)), r => r.Body.Contains("\"name\":\"task\",\"description\"", StringComparison.Ordinal)); // not declared
    }
}
