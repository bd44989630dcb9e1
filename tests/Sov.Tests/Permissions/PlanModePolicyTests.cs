using Sov.Core.Permissions;

namespace Sov.Tests.Permissions;

/// <summary>#17: plan mode lets only reading run; everything else is refused without asking, whatever the rules allow.</summary>
public sealed class PlanModePolicyTests
{
    private static readonly PermissionPolicy Plan = new(PermissionMode.Plan,
        PermissionRules.Parse(["shell:git status", "write:**", "mcp:docs/search"], [], []), sandboxAvailable: true);

    [Fact]
    public void WritesCommandsMcpAndNetworkAreRefusedWithoutAskingAndSaySo()
    {
        var decisions = new[]
        {
            Plan.DecideWrite(new PathAccess("src/a.cs", true, false)),
            Plan.DecideShell("git status"), // an allow rule does not let a command run while planning
            Plan.DecideMcp("docs", "search"),
            Plan.DecideNetwork("https://docs.example:443"),
            Plan.DecideUnknown("mystery"),
        };

        foreach (var decision in decisions)
        {
            Assert.Equal(Verdict.Deny, decision.Verdict);
            Assert.StartsWith("plan mode: ", decision.Reason, StringComparison.Ordinal);
            Assert.Contains("exit_plan", decision.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadsInTheWorkspaceStayFree()
    {
        Assert.Equal(Verdict.Allow, Plan.DecideRead(new PathAccess("src/a.cs", true, false)).Verdict);
    }

    [Fact]
    public void PlanIsAModeByNameTheNarrowestAndShiftTabCyclesThroughIt()
    {
        Assert.True(PermissionModes.TryParse("plan", out var plan));
        Assert.Equal(PermissionMode.Plan, plan);
        Assert.True(PermissionModes.TryParse("full-auto", out var full));
        Assert.Equal(PermissionMode.FullAuto, full);
        Assert.Equal(["plan", "read-only", "ask", "auto-edit", "full-auto"],
            Enum.GetValues<PermissionMode>().Order().Select(m => m.Name()));
        Assert.Equal(PermissionMode.Plan, PermissionModes.Narrowest(PermissionMode.ReadOnly, PermissionMode.Plan)); // a project may narrow to it
        Assert.Equal(PermissionMode.AutoEdit, PermissionModes.Next(PermissionMode.Ask));
        Assert.Equal(PermissionMode.Plan, PermissionModes.Next(PermissionMode.AutoEdit));
        Assert.Equal(PermissionMode.Ask, PermissionModes.Next(PermissionMode.Plan));
        Assert.Equal(PermissionMode.Ask, PermissionModes.Next(PermissionMode.FullAuto));
    }
}
