using System.Collections.Concurrent;
using System.Text.Json;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Permission;
using Sov.Core.Agent.Submissions;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;
using Undo = Sov.Core.Agent.Submissions.Undo;
using Sov.Core.Permissions;
using Sov.Core.Tools;
using Sov.Core.Tools.Editing;
using Sov.TestKit.Model;

namespace Sov.Tests.Agent;

/// <summary>
/// #14, "the loop owns the turn": the session compacts, undoes and stores each turn's checkpoint itself, asks every
/// approval (hidden characters in a write included) as an event answered by Approve or Deny, and feeds its journal sink;
/// a front end only submits and renders.
/// </summary>
public sealed class SessionOwnsTheTurnTests
{
    private const int Umask = 18; // 022

    [Fact]
    public async Task CompactMakesTheConversationTheModelsSummary()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Model.Server.Enqueue(ScriptedResponse.Text("hi there"), ScriptedResponse.Text("We greeted each other."));
        await h.RunAsync("hello");

        var events = await h.SubmitAsync(new Compact());

        var done = Assert.IsType<CompactCompleted>(events[^1]);
        Assert.True(done.Compacted);
        Assert.Equal(2, done.Messages);
        Assert.Contains("We greeted each other.", h.Session.History[0].Text, StringComparison.Ordinal);
        Assert.Contains("Summarise our conversation", h.Model.Server.ChatRequests[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACompactionThatFailsSaysWhyAndLeavesTheConversation()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Model.Server.Enqueue(ScriptedResponse.Text("hi there"), ScriptedResponse.Error(400, "context too long"));
        await h.RunAsync("hello");

        var events = await h.SubmitAsync(new Compact());

        Assert.Contains(events, e => e is Warning w && w.Message.StartsWith("Could not compact: ", StringComparison.Ordinal));
        Assert.False(Assert.IsType<CompactCompleted>(events[^1]).Compacted);
        Assert.Equal(2, h.Session.History.Count);
    }

    [Fact]
    public async Task UndoRestoresTheLastTurnsWriteAndSaysWhatToTellTheModel()
    {
        var sink = new RecordingSink();
        await using var h = await AgentHarness.StartAsync(gate: new AllowGate(), build: WritingTools, sink: sink);
        h.WriteFile("a.txt", "old\n");
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_1", "write_file", """{"path":"a.txt","content":"new\n"}"""),
            ScriptedResponse.Text("done"));
        await h.RunAsync("change a.txt"); // the session stores the turn's checkpoint as the turn ends: no front end does

        var events = await h.SubmitAsync(new Undo());

        var done = Assert.IsType<UndoCompleted>(Assert.Single(events));
        Assert.Equal(UndoOutcome.Undone, done.Outcome);
        Assert.Equal(["a.txt"], done.Restored);
        Assert.Equal("old\n", File.ReadAllText(Path.Combine(h.Workspace.FullName, "a.txt")));
        Assert.Contains("a.txt", done.Note, StringComparison.Ordinal);
        Assert.NotNull(sink.Events.OfType<UndoCompleted>().Single().Report); // the journal gets the whole report
        Assert.Equal(UndoOutcome.Nothing, Assert.IsType<UndoCompleted>(Assert.Single(await h.SubmitAsync(new Undo()))).Outcome);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HiddenTextInAWriteIsAnApprovalEventAnsweredByApproveOrDeny(bool approve)
    {
        await using var h = await AgentHarness.StartAsync(gate: new AllowGate(), build: WritingTools);
        var arguments = JsonSerializer.Serialize(new { path = "b.md", content = "a\u200Bb" });
        h.Model.Server.Enqueue(new ScriptedResponse().ToolCall("call_1", "write_file", arguments), ScriptedResponse.Text("ok"));
        var asked = new List<ApprovalRequested>();

        var events = await h.RunAsync("write", (e, s) =>
        {
            if (e is ApprovalRequested a)
            {
                asked.Add(a);
                s.Submit(approve ? new Approve(a.CallId) : new Deny(a.CallId));
            }
        });

        var ask = Assert.Single(asked);
        Assert.Equal(ApprovalKind.HiddenText, ask.Kind);
        Assert.Equal("call_1", ask.CallId);
        Assert.Contains("U+200B", ask.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("\u200B", ask.Arguments, StringComparison.Ordinal); // shown revealed
        var result = Assert.Single(events.OfType<ToolResult>());
        Assert.Equal(!approve, result.IsError);
        Assert.Equal(approve, File.Exists(Path.Combine(h.Workspace.FullName, "b.md")));
    }

    [Fact]
    public async Task TheSinkHearsEveryEventAndEveryAnswerWithoutTheFrontEnd()
    {
        var sink = new RecordingSink();
        await using var h = await AgentHarness.StartAsync(new ToolRegistry([new WriteProbeTool()]), new AskGate(), sink: sink);
        h.Model.Server.Enqueue(new ScriptedResponse().ToolCall("call_1", "write_probe", """{"path":"a"}"""), ScriptedResponse.Text("ok"));

        var events = await h.RunAsync("go", (e, s) =>
        {
            if (e is ApprovalRequested a)
            {
                s.Submit(new Deny(a.CallId, "no"));
            }
        });

        Assert.Equal(events.Select(e => e.GetType().Name), sink.Events.Select(e => e.GetType().Name));
        var (request, approved) = Assert.Single(sink.Answers);
        Assert.Equal((ApprovalKind.ToolCall, false), (request.Kind, approved));
    }

    [Fact]
    public async Task ACommandThatWouldRunUnsandboxedAsksWithItsOwnKind()
    {
        await using var h = await AgentHarness.StartAsync(new ToolRegistry([new WriteProbeTool()]), new UnsandboxedGate());
        h.Model.Server.Enqueue(new ScriptedResponse().ToolCall("call_1", "write_probe", """{"path":"a"}"""), ScriptedResponse.Text("ok"));
        ApprovalRequested? asked = null;

        await h.RunAsync("go", (e, s) =>
        {
            if (e is ApprovalRequested a)
            {
                asked = a;
                s.Submit(new Deny(a.CallId));
            }
        });

        Assert.Equal(ApprovalKind.UnsandboxedCommand, asked?.Kind);
        Assert.StartsWith("UNSANDBOXED: ", asked?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndoLeavesAnotherSessionsLastTurnAlone()
    {
        // Review of #14: the checkpoint store is the workspace's; /undo here must not revert another session's turn.
        UndoRecorder? mine = null;
        Workspace? files = null;
        await using var h = await AgentHarness.StartAsync(gate: new AllowGate(), sink: new RecordingSink(), build: workspace =>
        {
            files = workspace;
            var built = WritingTools(workspace);
            mine = built.Item2!.Recorder;
            mine.Session = "20261201T000000Z-aaaaaaaa";
            return built;
        });
        h.WriteFile("a.txt", "old\n");
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_1", "write_file", """{"path":"a.txt","content":"new\n"}"""),
            ScriptedResponse.Text("done"));
        await h.RunAsync("change a.txt");
        h.WriteFile("b.txt", "theirs before\n");
        var theirs = new UndoRecorder(mine!.Store) { Session = "20261201T000000Z-bbbbbbbb" };
        theirs.Turn.BeforeWrite(files!.ForWrite("b.txt"), "write_file");
        h.WriteFile("b.txt", "theirs after\n");
        theirs.EndTurn();

        var done = Assert.IsType<UndoCompleted>(Assert.Single(await h.SubmitAsync(new Undo())));

        Assert.Equal(UndoOutcome.Failed, done.Outcome);
        Assert.Contains("belongs to session 20261201T000000Z-bbbbbbbb", done.Message, StringComparison.Ordinal);
        Assert.Equal("theirs after\n", File.ReadAllText(Path.Combine(h.Workspace.FullName, "b.txt")));
        Assert.Equal("new\n", File.ReadAllText(Path.Combine(h.Workspace.FullName, "a.txt")));
    }

    [Fact]
    public async Task AnApprovalTheJournalCannotRecordDoesNotRun()
    {
        // Review of #14: Sovereign does not act unjournaled; an approval whose record failed must not run the call.
        var probe = new WriteProbeTool();
        await using var h = await AgentHarness.StartAsync(new ToolRegistry([probe]), new AskingGate(), sink: new FailingAnswerSink());
        h.Model.Server.Enqueue(new ScriptedResponse().ToolCall("call_1", "write_probe", """{"path":"a"}"""), ScriptedResponse.Text("ok"));

        await h.RunAsync("go", (e, s) =>
        {
            if (e is ApprovalRequested a)
            {
                s.Submit(new Approve(a.CallId));
            }
        });

        Assert.Equal(0, probe.Runs);
        Assert.Contains("journal could not be written", h.Model.Server.ChatRequests[^1].Body, StringComparison.Ordinal);
    }

    private static (ToolRegistry, SessionUndo?) WritingTools(Workspace workspace)
    {
        var state = Directory.CreateTempSubdirectory("sov-undo-state-").FullName;
        var recorder = new UndoRecorder(new CheckpointStore(state, workspace));
        var services = new BorderServices(workspace, null!, recorder);
        return (new ToolRegistry(services.Tools().Where(t => t.Name is "write_file" or "edit_file")), new SessionUndo(recorder, Umask));
    }

    private sealed class AllowGate : IPermissionGate
    {
        public ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(PermissionDecision.Allow("test allows"));
    }

    private sealed class AskGate : IPermissionGate
    {
        public ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(PermissionDecision.Ask("test asks"));
    }

    private sealed class UnsandboxedGate : IPermissionGate
    {
        public ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(PermissionDecision.Ask("no sandbox here") with { Unsandboxed = true });
    }

    private sealed class RecordingSink : IEventSink
    {
        private readonly ConcurrentQueue<AgentEvent> _events = new();
        private readonly ConcurrentQueue<(ApprovalRequested, bool)> _answers = new();

        public IReadOnlyList<AgentEvent> Events => [.. _events];

        public IReadOnlyList<(ApprovalRequested Request, bool Approved)> Answers => [.. _answers];

        public void Record(AgentEvent agentEvent) => _events.Enqueue(agentEvent);

        public void RecordAnswer(ApprovalRequested request, bool approved) => _answers.Enqueue((request, approved));
    }

    private sealed class AskingGate : IPermissionGate
    {
        public ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(PermissionDecision.Ask("test asks"));
    }

    private sealed class FailingAnswerSink : IEventSink
    {
        public void Record(AgentEvent agentEvent)
        {
        }

        public void RecordAnswer(ApprovalRequested request, bool approved) =>
            throw new Sov.Core.Audit.StateWriteException("disk full under SOV_HOME (test)", "free space", null);
    }
}
