using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;
using Sov.Core.Tools;
using Sov.TestKit.Model;

namespace Sov.Tests.Agent;

public sealed class AgentConcurrencyTests
{
    [Fact]
    public async Task ReadOnlyCallsInOneTurnRunConcurrently()
    {
        // Each tool waits at a two-party barrier: they can only both finish if they run at once.
        using var barrier = new Barrier(2);
        var tools = new ToolRegistry([new BlockingTool("probe_a", barrier), new BlockingTool("probe_b", barrier)]);
        await using var h = await AgentHarness.StartAsync(tools);
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("c1", "probe_a", "{}", index: 0).ToolCall("c2", "probe_b", "{}", index: 1),
            ScriptedResponse.Text("both done"));

        var events = await h.RunAsync("go");

        Assert.Equal(TurnOutcome.Completed, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        Assert.Equal(2, events.OfType<ToolResult>().Count(r => !r.IsError));
    }

    [Fact]
    public async Task InterruptCancelsARunningToolAndKeepsTheHistoryValid()
    {
        var stuck = new BlockingTool("stuck", null, untilCancelled: true);
        await using var h = await AgentHarness.StartAsync(new ToolRegistry([stuck]));
        h.Model.Server.Enqueue(new ScriptedResponse().ToolCall("c1", "stuck", "{}"), ScriptedResponse.Text("next answer"));

        var first = h.RunAsync("go");
        await stuck.Started.Task.WaitAsync(TestContext.Current.CancellationToken);
        h.Session.Submit(new Interrupt());
        var events = await first;

        Assert.Equal(TurnOutcome.Interrupted, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        var second = await h.RunAsync("and now?");
        Assert.Equal("next answer", Assert.IsType<TurnCompleted>(second[^1]).FinalText);
        // The interrupted call got a result, so the server saw a well-formed conversation.
        Assert.Contains("\"tool_call_id\":\"c1\"", h.Model.Server.ChatRequests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AToolReportingAFileChangeRaisesFileChanged()
    {
        await using var h = await AgentHarness.StartAsync(new ToolRegistry([new FileChangeProbeTool()]));
        h.Model.Server.Enqueue(new ScriptedResponse().ToolCall("c1", "touch_probe", "{}"), ScriptedResponse.Text("ok"));

        var events = await h.RunAsync("go");

        Assert.Contains(new FileChanged("src/a.cs", "modified"), events);
    }

    [Fact]
    public async Task ABugInAToolIsAToolErrorNotACrash()
    {
        // An invalid character class is refused inside the tool (a tool error for the model, #14: no longer via a regex).
        await using var h = await AgentHarness.StartAsync();
        h.Model.Server.Enqueue(new ScriptedResponse().ToolCall("c1", "glob", """{"pattern":"[z-a]"}"""), ScriptedResponse.Text("ok"));

        var events = await h.RunAsync("go");

        Assert.Equal(TurnOutcome.Completed, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        Assert.Contains(events, e => e is ToolResult { IsError: true });
    }
}
