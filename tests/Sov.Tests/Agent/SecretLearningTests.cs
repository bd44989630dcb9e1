using Microsoft.Extensions.AI;
using Sov.Core.Agent;
using Sov.Core.Models;
using Sov.Core.Secrets;
using Sov.TestKit.Model;

namespace Sov.Tests.Agent;

// Issue #11 item 7: the values a session's tools showed must be known to the egress redactor, so that their
// encodings are redacted later; tool outputs and a resumed conversation both teach the session's memory.
public sealed class SecretLearningTests
{
    private const string DbPassword = "hunter2hunter2";

    [Fact]
    public async Task EveryToolOutputTeachesTheSessionsSecretMemory()
    {
        var memory = new SecretMemory();
        await using var h = await AgentHarness.StartAsync(options: new AgentOptions { Instructions = "test prompt", Secrets = memory });
        h.WriteFile(".env", $"NODE_ENV=production\nDB_PASSWORD={DbPassword}\n");
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_1", "read_file", """{"path":".env"}"""),
            ScriptedResponse.Text("read it"));

        await h.RunAsync("read .env");

        Assert.True(memory.Contains(DbPassword));
        Assert.False(memory.Contains("production"));
    }

    [Fact]
    public async Task AResumedConversationTeachesItToo()
    {
        var memory = new SecretMemory();
        await using var h = await AgentHarness.StartAsync(options: new AgentOptions { Instructions = "test prompt", Secrets = memory });
        h.Session.Reset(
        [
            new ChatMessage(ChatRole.User, "read the credentials"),
            new ChatMessage(ChatRole.Assistant, [RawArguments.CreateCall("call_1", "read_file", """{"path":".env.local"}""")]),
            new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call_1", $"password={DbPassword}")]),
        ]);

        Assert.True(memory.Contains(DbPassword));
    }
}
