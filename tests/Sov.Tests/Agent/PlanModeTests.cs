using System.Text.Json;
using Sov.Cli.Interactive;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Permission;
using Sov.Core.Agent.Submissions;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;
using Sov.Core.Permissions;
using Sov.Core.Tools;
using Sov.Core.Tools.Editing;
using Sov.Core.Tools.Planning;
using Sov.TestKit.Model;

namespace Sov.Tests.Agent;

/// <summary>
/// #17, plan mode in the loop: only read-only tools and exit_plan are offered, a write is refused without asking, the
/// plan is approved as an event with a mode, the mode switches, and the plan goes with the next prompt; headless, the
/// plan is the answer.
/// </summary>
public sealed class PlanModeTests
{
    private const string Plan = "1. Change a.txt to say new.";

    [Fact]
    public async Task AWriteInPlanModeIsRefusedWithoutAskingAndOnlyReadingIsOffered()
    {
        await using var h = await Planning(personDecides: true);
        h.WriteFile("a.txt", "old\n");
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_1", "write_file", """{"path":"a.txt","content":"new\n"}"""),
            ScriptedResponse.Text("I will plan instead."));

        var events = await h.RunAsync("change a.txt");

        Assert.DoesNotContain(events, e => e is ApprovalRequested);
        var refused = Assert.Single(events.OfType<ToolResult>());
        Assert.True(refused.IsError);
        Assert.Contains("plan mode", refused.Output, StringComparison.Ordinal);
        Assert.Equal("old\n", File.ReadAllText(Path.Combine(h.Workspace.FullName, "a.txt")));
        Assert.Contains("[Sovereign: plan mode.", h.Model.Server.ChatRequests[0].Body, StringComparison.Ordinal); // told before it tries
        var offered = Offered(h.Model.Server.ChatRequests[0].Body);
        Assert.Contains("exit_plan", offered);
        Assert.Contains("read_file", offered);
        Assert.DoesNotContain("write_file", offered);
        Assert.DoesNotContain("edit_file", offered);
    }

    [Fact]
    public async Task AnApprovedPlanSwitchesTheModeEndsTheTurnAndGoesWithTheNextPrompt()
    {
        await using var h = await Planning(personDecides: true);
        h.WriteFile("a.txt", "old\n");
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_1", "exit_plan", JsonSerializer.Serialize(new { plan = Plan })),
            new ScriptedResponse().ToolCall("call_2", "write_file", """{"path":"a.txt","content":"new\n"}"""),
            ScriptedResponse.Text("Done."));

        var first = await h.RunAsync("plan the change", (e, s) =>
        {
            if (e is ApprovalRequested { Kind: ApprovalKind.Plan } a)
            {
                s.Submit(new Approve(a.CallId, "auto-edit"));
            }
        });

        Assert.Equal(Plan, Assert.Single(first.OfType<PlanProposed>()).Plan);
        Assert.Equal(Plan, Assert.Single(first.OfType<ApprovalRequested>()).Arguments);
        Assert.Equal(new ModeChanged("auto-edit", "plan"), Assert.Single(first.OfType<ModeChanged>()));
        Assert.Equal(Plan, Assert.IsType<TurnCompleted>(first[^1]).FinalText);
        Assert.Single(h.Model.Server.ChatRequests); // the turn ended with the plan: no further request

        var second = await h.RunAsync("go ahead");

        Assert.DoesNotContain(second, e => e is ApprovalRequested);
        Assert.Equal("new\n", File.ReadAllText(Path.Combine(h.Workspace.FullName, "a.txt"))); // auto-edit: written without asking
        var body = h.Model.Server.ChatRequests[1].Body;
        Assert.Contains("approved your plan", body, StringComparison.Ordinal);
        Assert.Contains(Plan, body, StringComparison.Ordinal);
        Assert.Contains("write_file", Offered(body));
        Assert.DoesNotContain("exit_plan", Offered(body));
    }

    // Review of #17: the approved plan (the model's text) was carried into the next prompt before the prompt was searched
    // for image paths, so a plan naming an image outside the workspace had it opened and attached without any approval.
    [Fact]
    public async Task APathTheModelWroteIntoItsPlanIsNotOpenedAsAnImageOfTheNextPrompt()
    {
        var outside = Directory.CreateTempSubdirectory("sov-plan-image-");
        try
        {
            var image = Path.Combine(outside.FullName, "private.png");
            File.WriteAllBytes(image, Sov.Tests.Files.ImageFormatTests.Png);
            await using var h = await Planning(personDecides: true);
            h.Model.Server.Enqueue(
                new ScriptedResponse().ToolCall("call_1", "exit_plan", JsonSerializer.Serialize(new { plan = $"1. Look at {image}" })),
                ScriptedResponse.Text("Done."));
            await h.RunAsync("plan", (e, s) =>
            {
                if (e is ApprovalRequested { Kind: ApprovalKind.Plan } a)
                {
                    s.Submit(new Approve(a.CallId, "ask"));
                }
            });

            var second = await h.RunAsync("go ahead");

            Assert.DoesNotContain(second.OfType<Warning>(), w => w.Message.Contains("private.png", StringComparison.Ordinal));
            Assert.Contains(image, h.Model.Server.ChatRequests[^1].Body, StringComparison.Ordinal); // the plan still goes along, as text
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ARejectedPlanKeepsPlanningWithThePersonsReason()
    {
        await using var h = await Planning(personDecides: true);
        h.Model.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_1", "exit_plan", JsonSerializer.Serialize(new { plan = Plan })),
            ScriptedResponse.Text("Revising."));

        var events = await h.RunAsync("plan", (e, s) =>
        {
            if (e is ApprovalRequested a)
            {
                s.Submit(new Deny(a.CallId, "also update b.txt"));
            }
        });

        Assert.DoesNotContain(events, e => e is ModeChanged);
        Assert.Contains("also update b.txt", h.Model.Server.ChatRequests[^1].Body, StringComparison.Ordinal);
        Assert.Contains("exit_plan", Offered(h.Model.Server.ChatRequests[^1].Body)); // still planning
    }

    [Fact]
    public async Task HeadlessThePlanIsTheAnswerAndNothingIsAsked()
    {
        await using var h = await Planning(personDecides: false);
        h.Model.Server.Enqueue(new ScriptedResponse().ToolCall("call_1", "exit_plan", JsonSerializer.Serialize(new { plan = Plan })));

        var events = await h.RunAsync("plan");

        Assert.DoesNotContain(events, e => e is ApprovalRequested or ModeChanged);
        Assert.Single(events.OfType<PlanProposed>());
        Assert.Equal(Plan, Assert.IsType<TurnCompleted>(events[^1]).FinalText);
    }

    [Fact]
    public async Task OutsidePlanModeExitPlanIsNotOfferedAndRefused()
    {
        await using var h = await AgentHarness.StartAsync(build: Tools,
            gateFor: ws => new InteractivePermissionGate(new PolicyPermissionGate(Policy(PermissionMode.Ask), ws, headless: false), ws));
        h.Model.Server.Enqueue(new ScriptedResponse().ToolCall("call_1", "exit_plan", """{"plan":"x"}"""), ScriptedResponse.Text("ok"));

        var events = await h.RunAsync("hi");

        Assert.DoesNotContain("exit_plan", Offered(h.Model.Server.ChatRequests[0].Body));
        Assert.Contains("not in plan mode", Assert.Single(events.OfType<ToolResult>()).Output, StringComparison.Ordinal);
    }

    private static Task<AgentHarness> Planning(bool personDecides) => AgentHarness.StartAsync(build: Tools, gateFor: ws =>
    {
        var policy = new PolicyPermissionGate(Policy(PermissionMode.Plan), ws, headless: !personDecides);
        return personDecides ? new InteractivePermissionGate(policy, ws) : new HeadlessPlanGate(policy);
    });

    private static PermissionPolicy Policy(PermissionMode mode) => new(mode, PermissionRules.Parse([], [], []), sandboxAvailable: true);

    private static (ToolRegistry, SessionUndo?) Tools(Workspace workspace)
    {
        var recorder = new UndoRecorder(new CheckpointStore(Directory.CreateTempSubdirectory("sov-plan-state-").FullName, workspace));
        var services = new BorderServices(workspace, null!, recorder);
        return (new ToolRegistry([.. ToolRegistry.ReadOnlyBuiltIns().All, .. services.Tools().Where(t => t.Name is "write_file" or "edit_file"), new ExitPlanTool()]),
            new SessionUndo(recorder, 18));
    }

    private static List<string> Offered(string body) =>
        [.. JsonDocument.Parse(body).RootElement.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()!)];

    /// <summary>sov exec's arrangement: the policy gate, and a mode nobody switches.</summary>
    private sealed class HeadlessPlanGate(PolicyPermissionGate policy) : IPermissionGate, IPermissionModes
    {
        private readonly FixedModes _modes = new(policy.Policy.Mode);

        public PermissionMode Mode => _modes.Mode;

        public bool PersonDecides => _modes.PersonDecides;

        public string? SwitchMode(PermissionMode mode) => _modes.SwitchMode(mode);

        public ValueTask<PermissionDecision> CheckAsync(Sov.Core.Agent.Permission.ToolCallRequest request, CancellationToken cancellationToken) =>
            policy.CheckAsync(request, cancellationToken);
    }
}
