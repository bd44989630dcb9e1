using System.Collections.Concurrent;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Permission;
using Sov.Core.Agent.Submissions;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;
using Sov.Core.Permissions;
using Sov.Core.Tools;
using Sov.Core.Tools.Editing;
using Sov.TestKit.Model;

namespace Sov.Tests.Agent;

/// <summary>
/// #17, rewind in the loop: the conversation goes back to before a chosen prompt (the next request no longer holds the
/// rewound turns), the files too when asked, from the session's own checkpoints, and the sink hears it all.
/// </summary>
public sealed class RewindTests
{
    private const string Session = "20261201T000000Z-aaaaaaaa";

    [Fact]
    public async Task RewindingTakesBackTheConversationAndTheFiles()
    {
        var sink = new Sink();
        await using var h = await Start(sink);
        h.WriteFile("a.txt", "one\n");
        await Turns(h);

        var done = Assert.IsType<RewindCompleted>(Assert.Single(await h.SubmitAsync(new Rewind(2, Files: true))));

        Assert.Equal(RewindOutcome.Rewound, done.Outcome);
        Assert.Equal(["a.txt"], done.Restored);
        Assert.Equal(["b.txt"], done.Removed); // created by turn 2, changed again by turn 3: gone, as before turn 2
        Assert.Empty(done.Skipped);
        Assert.Null(done.Note);
        Assert.Equal(12, done.MessagesRemoved); // turns 2 and 3, six messages each
        Assert.Equal("one\n", File.ReadAllText(Path.Combine(h.Workspace.FullName, "a.txt")));
        Assert.False(File.Exists(Path.Combine(h.Workspace.FullName, "b.txt")));
        Assert.Equal(2, sink.Events.OfType<RewindCompleted>().Single().Reports.Count); // each checkpoint undone, for the journal

        h.Model.Server.Enqueue(ScriptedResponse.Text("fresh"));
        await h.RunAsync("after the rewind");
        var body = h.Model.Server.ChatRequests[^1].Body;
        Assert.Contains("first prompt", body, StringComparison.Ordinal);
        Assert.DoesNotContain("second prompt", body, StringComparison.Ordinal);
        Assert.DoesNotContain("third prompt", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheFilesTheyStayAndTheModelIsToldWhich()
    {
        await using var h = await Start(new Sink());
        h.WriteFile("a.txt", "one\n");
        await Turns(h);

        var done = Assert.IsType<RewindCompleted>(Assert.Single(await h.SubmitAsync(new Rewind(3, Files: false))));

        Assert.Empty(done.Restored);
        Assert.Equal("three\n", File.ReadAllText(Path.Combine(h.Workspace.FullName, "a.txt")));
        Assert.Contains("a.txt", done.Note, StringComparison.Ordinal);
        Assert.Contains("b.txt", done.Note, StringComparison.Ordinal);
        Assert.Equal(10, h.Session.History.Count); // turns 1 (four messages) and 2 (six) kept
    }

    [Fact]
    public async Task ATurnThatIsNotThereFailsAndChangesNothing()
    {
        await using var h = await Start(new Sink());
        h.Model.Server.Enqueue(ScriptedResponse.Text("hi"));
        await h.RunAsync("only prompt");

        var done = Assert.IsType<RewindCompleted>(Assert.Single(await h.SubmitAsync(new Rewind(2, Files: true))));

        Assert.Equal(RewindOutcome.Failed, done.Outcome);
        Assert.Contains("conversation has 1 turn", done.Message, StringComparison.Ordinal);
        Assert.Equal(2, h.Session.History.Count);
    }

    [Fact]
    public async Task AnotherSessionsNewerTurnStopsTheFilesButNotTheConversation()
    {
        UndoRecorder? mine = null;
        Workspace? files = null;
        await using var h = await AgentHarness.StartAsync(gate: new Allow(), build: ws =>
        {
            files = ws;
            var built = Tools(ws);
            mine = built.Item2!.Recorder;
            return built;
        });
        h.WriteFile("a.txt", "one\n");
        await Turns(h);
        var theirs = new UndoRecorder(mine!.Store) { Session = "20261201T000000Z-bbbbbbbb" };
        theirs.Turn.BeforeWrite(files!.ForWrite("c.txt"), "write_file");
        h.WriteFile("c.txt", "theirs\n");
        theirs.EndTurn();

        var done = Assert.IsType<RewindCompleted>(Assert.Single(await h.SubmitAsync(new Rewind(2, Files: true))));

        Assert.Equal(RewindOutcome.Rewound, done.Outcome);
        Assert.Contains(done.Skipped, s => s.Contains("20261201T000000Z-bbbbbbbb", StringComparison.Ordinal));
        Assert.Equal("three\n", File.ReadAllText(Path.Combine(h.Workspace.FullName, "a.txt")));
        Assert.Equal("theirs\n", File.ReadAllText(Path.Combine(h.Workspace.FullName, "c.txt")));
        Assert.Equal(4, h.Session.History.Count);
    }

    /// <summary>Three turns: the first only reads; the second writes a.txt and creates b.txt; the third writes both again.</summary>
    private static async Task Turns(AgentHarness h)
    {
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("c1", "read_file", """{"path":"a.txt"}"""), ScriptedResponse.Text("read it"),
            new ScriptedResponse().ToolCall("c2", "write_file", """{"path":"a.txt","content":"two\n"}"""),
            new ScriptedResponse().ToolCall("c3", "write_file", """{"path":"b.txt","content":"b\n"}"""), ScriptedResponse.Text("wrote"),
            new ScriptedResponse().ToolCall("c4", "write_file", """{"path":"a.txt","content":"three\n"}"""),
            new ScriptedResponse().ToolCall("c5", "write_file", """{"path":"b.txt","content":"b3\n"}"""), ScriptedResponse.Text("again"));
        await h.RunAsync("first prompt");
        await h.RunAsync("second prompt");
        await h.RunAsync("third prompt");
    }

    private static Task<AgentHarness> Start(Sink sink) => AgentHarness.StartAsync(gate: new Allow(), build: Tools, sink: sink);

    private static (ToolRegistry, SessionUndo?) Tools(Workspace workspace)
    {
        var recorder = new UndoRecorder(new CheckpointStore(Directory.CreateTempSubdirectory("sov-rewind-state-").FullName, workspace)) { Session = Session };
        var services = new BorderServices(workspace, null!, recorder);
        return (new ToolRegistry([.. ToolRegistry.ReadOnlyBuiltIns().All, .. services.Tools().Where(t => t.Name is "write_file")]), new SessionUndo(recorder, 18));
    }

    private sealed class Allow : IPermissionGate
    {
        public ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(PermissionDecision.Allow("test allows"));
    }

    private sealed class Sink : IEventSink
    {
        private readonly ConcurrentQueue<AgentEvent> _events = new();

        public IReadOnlyList<AgentEvent> Events => [.. _events];

        public void Record(AgentEvent agentEvent) => _events.Enqueue(agentEvent);

        public void RecordAnswer(ApprovalRequested request, bool approved)
        {
        }
    }
}
