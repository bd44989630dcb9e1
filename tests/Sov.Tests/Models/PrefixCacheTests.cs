using System.Text.Json;
using Sov.Core.Agent.Events;
using Sov.TestKit.Model;
using Sov.Tests.Agent;

namespace Sov.Tests.Models;

/// <summary>
/// #16: consecutive requests of one session share their byte prefix (system prompt, earlier messages unchanged,
/// tools the same, nothing volatile early), so llama.cpp, vLLM and SGLang reuse their KV cache.
/// </summary>
public sealed class PrefixCacheTests
{
    [Fact]
    public async Task EachRequestsMessagesAreABytePrefixOfTheNext()
    {
        await using var h = await AgentHarness.StartAsync();
        h.WriteFile("a.txt", "alpha\n");
        h.WriteFile("b.txt", "beta TODO\n");
        h.Model.Server.Enqueue(
            new ScriptedResponse().AddText("Reading.").ToolCall("c1", "read_file", """{"path": "a.txt"}""").Usage(100, 5),
            ScriptedResponse.Text("It says alpha.").Usage(120, 5),
            new ScriptedResponse().ToolCall("c2", "grep", """{"pattern":"TODO"}""").ToolCall("c3", "read_file", """{"path":"b.txt"}""", index: 1),
            ScriptedResponse.Text("One TODO in b.txt."),
            new ScriptedResponse().AddReasoning("a broken call next").ToolCall("c4", "read_file", """{"path": "a.txt" """),
            ScriptedResponse.Text("Sorry, done."));

        foreach (var prompt in new[] { "read a", "find todos", "read again" })
        {
            Assert.Equal(TurnOutcome.Completed, Assert.IsType<TurnCompleted>((await h.RunAsync(prompt))[^1]).Outcome);
        }

        var bodies = h.Model.Server.ChatRequests.Select(r => r.Body).ToList();
        Assert.Equal(6, bodies.Count);
        for (var i = 0; i + 1 < bodies.Count; i++)
        {
            var (head, messages, tail) = Split(bodies[i]);
            var (nextHead, nextMessages, nextTail) = Split(bodies[i + 1]);
            Assert.Equal(head, nextHead);
            Assert.Equal(tail, nextTail);
            Assert.True(nextMessages.StartsWith(messages[..^1], StringComparison.Ordinal), $"request {i + 1}'s messages are not a prefix of request {i + 2}'s");
        }
    }

    /// <summary>The body before the messages array, the array's own bytes, and what follows it.</summary>
    private static (string Head, string Messages, string Tail) Split(string body)
    {
        using var doc = JsonDocument.Parse(body);
        var messages = doc.RootElement.GetProperty("messages").GetRawText();
        var at = body.IndexOf(messages, StringComparison.Ordinal);
        return (body[..at], messages, body[(at + messages.Length)..]);
    }
}
