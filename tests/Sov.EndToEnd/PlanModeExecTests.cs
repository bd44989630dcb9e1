using System.Text.Json;
using Sov.TestKit.Model;

namespace Sov.EndToEnd;

/// <summary>
/// #17, <c>sov exec --mode plan</c> on the published binary: a write is refused without asking (no approval event, the
/// model told it is planning), the plan handed over with exit_plan is the answer and a <c>plan_proposed</c> event, nothing
/// is written, and the journal holds the plan.
/// </summary>
public sealed class PlanModeExecTests
{
    private const string Plan = "1. Replace alpha with beta in notes.txt.\n2. Run the tests.";

    [Fact]
    public async Task APlanRunWritesNothingAndAnswersWithThePlan()
    {
        await using var h = await ExecHarness.StartAsync();
        var home = Directory.CreateTempSubdirectory("sov-plan-home-").FullName;
        h.WriteFile("notes.txt", "alpha\n");
        h.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_1", "write_file", """{"path":"notes.txt","content":"beta\n"}"""),
            new ScriptedResponse().ToolCall("call_2", "exit_plan", JsonSerializer.Serialize(new { plan = Plan })));

        var result = await h.ExecAsync(["--mode", "plan", "--output-format", "stream-json", "change alpha to beta"], sovHome: home);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.DoesNotContain(lines, l => l.GetProperty("type").GetString() == "approval_requested");
        var refused = lines.First(l => l.GetProperty("type").GetString() == "tool_result");
        Assert.True(refused.GetProperty("is_error").GetBoolean());
        Assert.Contains("plan mode", refused.GetProperty("output").GetString(), StringComparison.Ordinal);
        Assert.Equal(Plan, lines.Single(l => l.GetProperty("type").GetString() == "plan_proposed").GetProperty("plan").GetString());
        var done = lines.Single(l => l.GetProperty("type").GetString() == "turn_completed");
        Assert.Equal(Plan, done.GetProperty("final_text").GetString());
        Assert.Equal("alpha\n", File.ReadAllText(Path.Combine(h.Workspace.FullName, "notes.txt")));
        Assert.Equal(2, h.Server.ChatRequests.Count); // the plan ended the turn

        var offered = JsonDocument.Parse(h.Server.ChatRequests[0].Body).RootElement.GetProperty("tools").EnumerateArray()
            .Select(t => t.GetProperty("function").GetProperty("name").GetString()).ToList();
        Assert.Contains("exit_plan", offered);
        Assert.DoesNotContain("write_file", offered);
        Assert.DoesNotContain("shell", offered);

        var id = lines[0].GetProperty("session_id").GetString()!;
        var records = File.ReadAllLines(Path.Combine(home, "journal", id + ".jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("plan", records[0].GetProperty("permission_mode").GetString());
        Assert.Contains(records, r => r.GetProperty("type").GetString() == "plan" && r.GetProperty("decision").GetString() == "proposed");
    }

    [Fact]
    public async Task TheTextAnswerIsThePlan()
    {
        await using var h = await ExecHarness.StartAsync();
        h.Server.Enqueue(new ScriptedResponse().ToolCall("call_1", "exit_plan", JsonSerializer.Serialize(new { plan = Plan })));

        var result = await h.ExecAsync(["--mode", "plan", "plan it"]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal(Plan, result.Stdout.TrimEnd('\n'));
    }
}
