using Sov.Cli.Terminal;
using Sov.Core.Agent.Events;

namespace Sov.Cli.Interactive;

/// <summary>
/// What the terminal shows of subagents (#17), indented under the <c>task</c> call that started them: one row when a
/// child starts, one per tool call it makes and per result, its warnings, one row when it ends. Its text streams are not
/// shown (its answer is the <c>task</c> call's result).
/// </summary>
internal static class SubagentRows
{
    /// <summary>Shows a subagent's event (<see cref="SubagentStarted"/>, <see cref="SubagentEvent"/>, <see cref="SubagentCompleted"/>).</summary>
    public static void Show(TerminalSurface surface, AgentEvent e)
    {
        switch (e)
        {
            case SubagentStarted started:
                surface.Row("  ↳ ", $"{started.ChildId} {started.Agent}: {started.Description}", Style.Tool);
                break;
            case SubagentEvent { Event: ToolCallRequested call } child:
                surface.Row("    ⏺ ", $"{child.ChildId} {call.Name}({TurnView.Summarise(call.Arguments)})", Style.Dim);
                break;
            case SubagentEvent { Event: ToolResult result }:
                surface.Row("      ⎿ ", TurnView.ResultSummary(result), result.IsError ? Style.Warning : Style.Dim);
                break;
            case SubagentEvent { Event: Warning or Error } child:
                surface.Row("    ⚠ ", $"{child.ChildId}: {(child.Event is Warning w ? w.Message : ((Error)child.Event).Message)}", Style.Warning);
                break;
            case SubagentCompleted done:
                var cut = done.Truncated ? ", answer cut" : "";
                surface.Row("  ↳ ", $"{done.ChildId} {Outcome(done.Outcome)} ({done.Requests} request{(done.Requests == 1 ? "" : "s")}{cut})",
                    done.Outcome == TurnOutcome.Completed ? Style.Dim : Style.Warning);
                break;
        }
    }

    private static string Outcome(TurnOutcome outcome) => outcome switch
    {
        TurnOutcome.Completed => "done",
        TurnOutcome.Interrupted => "interrupted",
        TurnOutcome.MaxTurns => "stopped at its request limit",
        _ => "failed",
    };
}
