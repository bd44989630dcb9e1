using System.Text.Json;
using Sov.Core.Agent.Events;
using Sov.TestKit.Model;

namespace Sov.Tests.Agent;

/// <summary>Empty, truncated, stalled and broken answers end the turn as failures, keeping what was streamed (#13.4, #13.5, #13.8).</summary>
public sealed class AnswerFailureTests
{
    [Fact]
    public async Task EmptyChoicesThenDoneFailTheTurnWithAWarning()
    {
        // #13.5: choices: [] chunks then [DONE] used to complete with exit 0 and no warning.
        await using var h = await AgentHarness.StartAsync();
        h.Model.Server.Enqueue(new ScriptedResponse().AddEmptyChoices(3).WithFinishReason(null));

        var events = await h.RunAsync("go");

        Assert.Equal(TurnOutcome.Failed, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        Assert.Contains(events, e => e is Warning w && w.Message.Contains("empty", StringComparison.Ordinal));
        Assert.Equal(1, Assert.Single(events.OfType<Error>()).ExitCode);
    }

    [Fact]
    public async Task AReasoningOnlyAnswerIsEmptyToo()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Model.Server.Enqueue(new ScriptedResponse().AddReasoning("thinking..."));
        var events = await h.RunAsync("go");
        Assert.Equal(TurnOutcome.Failed, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        Assert.Contains("reasoned", Assert.Single(events.OfType<Error>()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerCutAtTheTokenLimitFailsButKeepsItsText()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Model.Server.Enqueue(ScriptedResponse.Text("The first half of").WithFinishReason("length"));

        var events = await h.RunAsync("go");

        var done = Assert.IsType<TurnCompleted>(events[^1]);
        Assert.Equal(TurnOutcome.Failed, done.Outcome);
        Assert.Equal("The first half of", done.FinalText);
        Assert.Contains(events, e => e is Warning w && w.Message.Contains("max tokens", StringComparison.Ordinal));
        Assert.Equal("The first half of", h.Session.History[^1].Text);
    }

    [Fact]
    public async Task AServerErrorMidStreamKeepsTheStreamedTextAndReportsTheError()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Model.Server.Enqueue(ScriptedResponse.Text("Here is what I found so far", 3).AddErrorEvent("engine crashed"));

        var events = await h.RunAsync("go");

        var done = Assert.IsType<TurnCompleted>(events[^1]);
        Assert.Equal(TurnOutcome.Failed, done.Outcome);
        Assert.Equal("Here is what I found so far", done.FinalText);
        Assert.Contains("engine crashed", Assert.Single(events.OfType<Error>()).Message, StringComparison.Ordinal);
        Assert.Equal("Here is what I found so far", h.Session.History[^1].Text);
    }

    [Fact]
    public async Task AStalledStreamFailsOnceAndIsNotAskedAgain()
    {
        await using var h = await AgentHarness.StartAsync(clientOptions: Sov.Tests.Models.ModelClientFixture.FastOptions with { IdleTimeout = TimeSpan.FromMilliseconds(400) });
        h.Model.Server.Fallback = ScriptedResponse.Text("hm").WithFault(ScriptedFault.EmptyDeltasForever);

        var events = await h.RunAsync("go");

        Assert.Equal(TurnOutcome.Failed, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        Assert.Contains("idle_timeout_seconds", Assert.Single(events.OfType<Error>()).Remedy, StringComparison.Ordinal);
        Assert.Single(h.Model.Server.ChatRequests);
    }

    [Fact]
    public async Task DuplicateToolCallIdsAreMadeUniqueWithAWarning()
    {
        await using var h = await AgentHarness.StartAsync();
        h.WriteFile("a.txt", "A");
        h.WriteFile("b.txt", "B");
        h.Model.Server.Enqueue(
            new ScriptedResponse()
                .ToolCall("call_1", "read_file", """{"path":"a.txt"}""", pieces: 1, index: 0)
                .ToolCall("call_1", "read_file", """{"path":"b.txt"}""", pieces: 1, index: 1),
            ScriptedResponse.Text("read both"));

        var events = await h.RunAsync("go");

        Assert.Equal(TurnOutcome.Completed, Assert.IsType<TurnCompleted>(events[^1]).Outcome);
        Assert.Contains(events, e => e is Warning w && w.Message.Contains("same id 'call_1'", StringComparison.Ordinal));
        var ids = events.OfType<ToolResult>().Select(r => r.CallId).ToList();
        Assert.Equal(2, ids.Distinct().Count());
        using var second = JsonDocument.Parse(h.Model.Server.ChatRequests[1].Body);
        var toolIds = second.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("role").GetString() == "tool")
            .Select(m => m.GetProperty("tool_call_id").GetString())
            .ToList();
        Assert.Equal(["call_1", "call_1_2"], toolIds);
    }
}
