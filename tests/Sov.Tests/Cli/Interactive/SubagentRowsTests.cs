using Sov.Cli.Interactive;
using Sov.Cli.Terminal;
using Sov.Core.Agent.Events;

namespace Sov.Tests.Cli.Interactive;

/// <summary>A subagent's activity in the terminal (#17): indented under the task call, one row each, its text not streamed.</summary>
public sealed class SubagentRowsTests
{
    [Fact]
    public void AChildsStartCallsResultAndEndAreIndentedRows()
    {
        var screen = new StringWriter();
        var surface = new TerminalSurface(screen, false, () => 100);

        SubagentRows.Show(surface, new SubagentStarted("sub1", "t1", "general", "find alpha", ["grep"], null));
        SubagentRows.Show(surface, new SubagentEvent("sub1", new AssistantDelta("thinking out loud")));
        SubagentRows.Show(surface, new SubagentEvent("sub1", new ToolCallRequested("sub1.g", "grep", """{"pattern":"ALPHA"}""", "native")));
        SubagentRows.Show(surface, new SubagentEvent("sub1", new ToolResult("sub1.g", "grep", "src/a.txt:1: ALPHA", false)));
        SubagentRows.Show(surface, new SubagentCompleted("sub1", "t1", TurnOutcome.Completed, "in src/a.txt", false, 2));

        var rows = screen.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["  ↳ sub1 general: find alpha", "    ⏺ sub1 grep(ALPHA)", "      ⎿ src/a.txt:1: ALPHA", "  ↳ sub1 done (2 requests)"],
            rows);
    }
}
