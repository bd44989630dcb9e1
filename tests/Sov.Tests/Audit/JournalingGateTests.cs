using System.Text.Json;
using Sov.Core.Agent.Permission;
using Sov.Core.Permissions;
using Sov.Core.Audit;
using Sov.Core.Secrets;
using Sov.Core.Tools;

namespace Sov.Tests.Audit;

/// <summary>The tool_call record says who decided: the rule by its text, the mode, or the person asked.</summary>
public sealed class JournalingGateTests
{
    private sealed class FixedGate(PermissionDecision decision) : IPermissionGate
    {
        public ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(decision);
    }

    private sealed class NoTool : ITool
    {
        public string Name => "read_file";
        public string Description => "";
        public ToolSchema Schema { get; } = new();
        public bool IsReadOnly => true;
        public Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken) => Task.FromResult(ToolOutput.Ok(""));
    }

    private static async Task<JsonElement> Record(PermissionDecision decision, string source = "native")
    {
        var dir = Directory.CreateTempSubdirectory("sov-journal-").FullName;
        try
        {
            string path;
            using (var journal = Journal.Start(dir, JournalFixture.Info))
            {
                path = journal.FilePath;
                var gate = new JournalingPermissionGate(new FixedGate(decision), journal, new Redactor(), "mode");
                await gate.CheckAsync(new ToolCallRequest("c1", new NoTool(), new ToolArguments(new Dictionary<string, object>()), "{}") { Source = source }, TestContext.Current.CancellationToken);
            }

            var line = File.ReadAllLines(path).Single(l => l.Contains("\"tool_call\"", StringComparison.Ordinal));
            return JsonDocument.Parse(line).RootElement.Clone();
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task ARuleDecisionIsJournaledWithTheRule()
    {
        var r = await Record(PermissionDecision.Deny("no") with { DecidedBy = "rule", Rule = "deny read:**/.env*" });
        Assert.Equal(("deny", "rule", "deny read:**/.env*"), (r.GetProperty("decision").GetString(), r.GetProperty("decided_by").GetString(), r.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task AModeDecisionHasNoRuleField()
    {
        var r = await Record(PermissionDecision.Allow() with { DecidedBy = "mode" });
        Assert.Equal("mode", r.GetProperty("decided_by").GetString());
        Assert.False(r.TryGetProperty("rule", out _));
    }

    [Fact]
    public async Task AnAskIsThePersonsAndKeepsTheRuleThatAsked()
    {
        var r = await Record(PermissionDecision.Ask("why") with { DecidedBy = "rule", Rule = "ask shell:git push*" });
        Assert.Equal(("ask", "person", "ask shell:git push*"), (r.GetProperty("decision").GetString(), r.GetProperty("decided_by").GetString(), r.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task TheRecordSaysWhereTheCallWasFound()
    {
        Assert.Equal("native", (await Record(PermissionDecision.Allow())).GetProperty("source").GetString());
        Assert.Equal("reasoning", (await Record(PermissionDecision.Allow(), "reasoning")).GetProperty("source").GetString()); // a call rescued from the reasoning (#16)
    }
}
