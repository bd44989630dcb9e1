using System.Text.Json;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Interactive;

/// <summary>
/// #17, plan mode in the terminal on the published binary: a write in plan mode is refused without asking; the plan is
/// approved with a choice of mode, and the next turn edits in it; Shift+Tab cycles the modes, each switch journaled.
/// </summary>
public sealed class PlanModeTerminalTests
{
    [Fact]
    public async Task AWriteIsRefusedWithoutAskingThenTheApprovedPlanIsCarriedOut()
    {
        await using var h = await TerminalHarness.StartAsync();
        h.WriteFile("notes.txt", "alpha\n");
        const string Plan = "1. Replace alpha with beta in notes.txt.";
        h.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_1", "write_file", """{"path":"notes.txt","content":"beta\n"}"""),
            new ScriptedResponse().ToolCall("call_2", "exit_plan", JsonSerializer.Serialize(new { plan = Plan })),
            new ScriptedResponse().ToolCall("call_3", "write_file", """{"path":"notes.txt","content":"beta\n"}"""),
            ScriptedResponse.Text("Carried it out."));
        var t = await h.OpenAsync("--mode", "plan");
        var file = Path.Combine(h.Workspace.FullName, "notes.txt");

        await t.TypeLineAsync("change alpha to beta");
        var screen = await t.WaitForTextAsync("keep planning");
        Assert.DoesNotContain("needs your approval", screen, StringComparison.Ordinal); // the write was refused without asking
        Assert.Contains("plan mode", h.Server.ChatRequests[1].Body, StringComparison.Ordinal);
        Assert.Contains("Replace alpha with beta", screen, StringComparison.Ordinal);
        Assert.Equal("alpha\n", File.ReadAllText(file));

        await t.SendKeys("a", literal: true); // auto-edit
        await t.WaitForTextAsync("mode is now auto-edit");
        await t.TypeLineAsync("go ahead");
        await t.WaitForTextAsync("Carried it out.");

        Assert.Equal("beta\n", File.ReadAllText(file)); // auto-edit: no question asked
        var next = h.Server.ChatRequests[2].Body;
        Assert.Contains("approved your plan", next, StringComparison.Ordinal);
        Assert.Contains(Plan, JsonDocument.Parse(next).RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString(), StringComparison.Ordinal);
        var journal = Journal(h);
        Assert.Contains(journal, r => r.GetProperty("type").GetString() == "plan" && r.GetProperty("decision").GetString() == "approved");
        Assert.Contains(journal, r => r.GetProperty("type").GetString() == "permission_mode"
            && r.GetProperty("permission_mode").GetString() == "auto-edit" && r.GetProperty("by").GetString() == "plan");
    }

    [Fact]
    public async Task ShiftTabCyclesTheModesAndKeepsWhatWasTyped()
    {
        await using var h = await TerminalHarness.StartAsync();
        h.Server.Enqueue(ScriptedResponse.Text("ok"));
        var t = await h.OpenAsync();

        await t.SendKeys("half typed", literal: true);
        await t.SendKeys("BTab");
        await t.WaitForTextAsync("mode is now auto-edit");
        await t.SendKeys("BTab");
        await t.WaitForTextAsync("mode is now plan");
        await t.SendKeys("BTab");
        await t.WaitForAsync(s => s.Split("mode is now ask").Length > 1, what: "back to ask");
        await t.SendKeys("Enter");
        await h.Server.WhenChatRequests(1);

        Assert.Contains("half typed", h.Server.ChatRequests[0].Body, StringComparison.Ordinal);
        var modes = Journal(h).Where(r => r.GetProperty("type").GetString() == "permission_mode" && r.TryGetProperty("by", out _))
            .Select(r => r.GetProperty("permission_mode").GetString()).ToList();
        Assert.Equal(["auto-edit", "plan", "ask"], modes);
    }

    private static List<JsonElement> Journal(TerminalHarness h) =>
        [.. Directory.GetFiles(Path.Combine(h.Home.FullName, "journal"), "*.jsonl").SelectMany(File.ReadAllLines).Select(l => JsonDocument.Parse(l).RootElement)];
}
