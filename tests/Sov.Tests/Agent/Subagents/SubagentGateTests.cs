using System.Text.Json;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Permission;
using Sov.Core.Agent.Submissions;
using Sov.Core.Agent.Subagents;
using Sov.Core.Permissions;
using Sov.Core.Tools;
using Sov.Core.Tools.Subagents;
using Sov.TestKit.Model;

namespace Sov.Tests.Agent.Subagents;

/// <summary>A child that may write still goes through the parent's gate (#17): its approvals are the parent's to answer.</summary>
public sealed class SubagentGateTests
{
    private static bool IsChild(string body) => body.Contains("You are a subagent", StringComparison.Ordinal);

    private static bool HasToolResult(string body) => body.Contains("\"role\":\"tool\"", StringComparison.Ordinal);

    private static string LastToolMessage(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("messages").EnumerateArray()
            .Last(m => m.GetProperty("role").GetString() == "tool").GetProperty("content").GetString() ?? "";
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AChildsWriteAsksThePersonAsTheParentsApproval(bool approve)
    {
        var probe = new WriteProbeTool();
        var agents = new AgentCatalog([new AgentDefinition("writer", "writes", ["write_probe"], null, "You write.")]);
        var tools = new ToolRegistry([.. ToolRegistry.ReadOnlyBuiltIns().All, probe, new TaskTool(agents)]);
        var options = new AgentOptions { Instructions = "parent", Agents = agents };
        await using var h = await AgentHarness.StartAsync(tools, new AsksForChanges(), options);
        h.Model.Server.Responder = body => IsChild(body)
            ? HasToolResult(body) ? ScriptedResponse.Text("child saw: " + LastToolMessage(body)) : new ScriptedResponse().ToolCall("w", "write_probe", """{"path":"a.txt"}""")
            : HasToolResult(body) ? ScriptedResponse.Text("done") : new ScriptedResponse().ToolCall("t", "task", """{"agent":"writer","description":"write","prompt":"write a.txt"}""");

        var events = await h.RunAsync("go", (e, session) =>
        {
            if (e is ApprovalRequested ask)
            {
                session.Submit(approve ? new Approve(ask.CallId) : new Deny(ask.CallId, "not now"));
            }
        });

        var asked = Assert.Single(events.OfType<ApprovalRequested>());
        Assert.Equal("sub1.w", asked.CallId);
        Assert.Equal("write_probe", asked.Name);
        Assert.Equal(approve ? 1 : 0, probe.Runs);
        var result = Assert.Single(events.OfType<ToolResult>(), r => r.Name == "task");
        Assert.Contains(approve ? "child saw: written" : "the person declined: not now", result.Output, StringComparison.Ordinal);
    }

    private sealed class AsksForChanges : IPermissionGate
    {
        public ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(request.Tool.IsReadOnly ? PermissionDecision.Allow("reads") : PermissionDecision.Ask("changes"));
    }
}
