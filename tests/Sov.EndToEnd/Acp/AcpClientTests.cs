using System.Text.Json;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Acp;

/// <summary>
/// #18: <c>sov acp</c> driven by the official ACP client library (@agentclientprotocol/sdk 2.4.0 from npm):
/// initialize, a new session, a prompt that streams text and a write shown as a diff whose permission is rejected
/// then allowed (and the todo list as the plan), the protocol's errors (unknown method, unknown session, a second prompt while one runs), cancel in
/// the middle of a turn, set mode, and a new process loading the session with its history replayed.
/// </summary>
public sealed class AcpClientTests
{
    internal static void Script(AcpClientHarness h, TaskCompletionSource held)
    {
        var arguments = JsonSerializer.Serialize(new { path = "notes.md", content = "hello\n" });
        h.Server.Enqueue(
            new ScriptedResponse().AddText("I'll write the notes.").ToolCall("call_1", "write_file", arguments),
            new ScriptedResponse().ToolCall("call_2", "write_file", arguments),
            new ScriptedResponse().ToolCall("call_3", "todo", JsonSerializer.Serialize(new { items = new[] { new { content = "Write the notes", status = "completed" } } })),
            ScriptedResponse.Text("Wrote notes.md."),
            new ScriptedResponse().AddText("Working on it", 1).HoldUntil(held.Task).AddText(" (never sent)", 1));
    }

    [Fact]
    public async Task AnEditorDrivesASessionThroughTheOfficialClientLibrary()
    {
        await using var h = await AcpClientHarness.StartAsync();
        var held = new TaskCompletionSource();
        Script(h, held);
        JsonElement main;
        try
        {
            main = await h.RunAsync("main");
        }
        finally
        {
            held.TrySetResult();
        }

        Assert.Equal(0, main.GetProperty("exitCode").GetInt32());
        var sessionId = main.GetProperty("sessionId").GetString()!;
        Assert.Equal("ask", main.GetProperty("modes").GetProperty("currentModeId").GetString());
        Assert.Equal(["plan", "read-only", "ask", "auto-edit", "full-auto"],
            main.GetProperty("modes").GetProperty("availableModes").EnumerateArray().Select(m => m.GetProperty("id").GetString()));

        // The first prompt: text streamed, the write as a tool call of kind edit with its file and diff, rejected then allowed.
        Assert.Equal("end_turn", main.GetProperty("firstStop").GetString());
        var updates = main.GetProperty("firstUpdates").EnumerateArray().ToList();
        var text = string.Concat(updates.Where(u => u.GetProperty("sessionUpdate").GetString() == "agent_message_chunk")
            .Select(u => u.GetProperty("content").GetProperty("text").GetString()));
        Assert.Contains("I'll write the notes.", text, StringComparison.Ordinal);
        Assert.Contains("Wrote notes.md.", text, StringComparison.Ordinal);
        var notes = Path.Combine(h.Workspace.FullName, "notes.md");
        var calls = updates.Where(u => u.GetProperty("sessionUpdate").GetString() == "tool_call" && u.GetProperty("kind").GetString() != "think").ToList();
        Assert.Equal(2, calls.Count);
        foreach (var call in calls)
        {
            Assert.Equal("edit", call.GetProperty("kind").GetString());
            Assert.Equal("pending", call.GetProperty("status").GetString());
            Assert.Equal(notes, call.GetProperty("locations")[0].GetProperty("path").GetString());
            var diff = call.GetProperty("content")[0];
            Assert.Equal("diff", diff.GetProperty("type").GetString());
            Assert.Equal(notes, diff.GetProperty("path").GetString());
            Assert.Equal("hello\n", diff.GetProperty("newText").GetString());
        }

        var statuses = updates.Where(u => u.GetProperty("sessionUpdate").GetString() == "tool_call_update")
            .Select(u => (u.GetProperty("toolCallId").GetString(), u.GetProperty("status").GetString())).ToList();
        Assert.Equal([("call_1", "failed"), ("call_2", "in_progress"), ("call_2", "completed"), ("call_3", "completed")], statuses);

        // The todo tool's list is the plan.
        var plan = Assert.Single(updates, u => u.GetProperty("sessionUpdate").GetString() == "plan");
        var entry = Assert.Single(plan.GetProperty("entries").EnumerateArray());
        Assert.Equal("Write the notes", entry.GetProperty("content").GetString());
        Assert.Equal("completed", entry.GetProperty("status").GetString());
        var asked = main.GetProperty("permissionRequests").EnumerateArray().ToList();
        Assert.Equal(2, asked.Count);
        Assert.All(asked, a =>
        {
            Assert.Equal(sessionId, a.GetProperty("sessionId").GetString());
            Assert.Equal(["allow_once", "allow_always", "reject_once"], a.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("kind").GetString()));
            Assert.Contains("notes.md", a.GetProperty("toolCall").GetProperty("title").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal("hello\n", File.ReadAllText(notes));

        // The protocol's errors, each answered while the agent kept serving.
        Assert.Equal(-32601, main.GetProperty("unknownMethod").GetProperty("code").GetInt32());
        Assert.Equal(-32002, main.GetProperty("unknownSession").GetProperty("code").GetInt32());
        Assert.Equal(-32600, main.GetProperty("secondPrompt").GetProperty("code").GetInt32());
        Assert.Equal(-32602, main.GetProperty("badMode").GetProperty("code").GetInt32());
        Assert.Equal("cancelled", main.GetProperty("cancelStop").GetString());

        // A new process loads the session: the history comes back as updates before the answer.
        var load = await h.RunAsync("load", sessionId);
        var replayed = load.GetProperty("replayed").EnumerateArray().ToList();
        Assert.Equal("write notes", replayed[0].GetProperty("text").GetString());
        Assert.Equal("user_message_chunk", replayed[0].GetProperty("kind").GetString());
        Assert.Contains(replayed, r => r.GetProperty("kind").GetString() == "tool_call" && r.GetProperty("title").GetString()!.Contains("notes.md", StringComparison.Ordinal));
        Assert.Contains(replayed, r => r.GetProperty("kind").GetString() == "user_message_chunk" && r.GetProperty("text").GetString() == "a long task");
        Assert.Equal("ask", load.GetProperty("loadModes").GetProperty("currentModeId").GetString()); // modes come from config and flags, not the editor's last switch

        // One journal under the session's one id, kind acp (the load is its second segment).
        var journal = File.ReadAllLines(Path.Combine(h.Home.FullName, "journal", sessionId + ".jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["acp", "acp"], journal.Where(r => r.TryGetProperty("kind", out _)).Select(r => r.GetProperty("kind").GetString()));
    }
}
