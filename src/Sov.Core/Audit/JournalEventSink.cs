using System.Security.Cryptography;
using System.Text;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Audit.Records;
using Sov.Core.Text;

namespace Sov.Core.Audit;

/// <summary>
/// The journal as the fourth consumer of the agent's event stream (beside the terminal UI and the two
/// printers): tool results (size and SHA-256 of exactly what the model receives), token usage, and
/// hidden-Unicode findings on text going to the model (tool output) and coming from it (the answer), and the
/// warnings and errors the person was shown.
/// Requests, redactions and refusals are journaled at the egress gate; tool calls at the permission gate.
/// The session feeds it as it emits (#14: subscribed at construction, not fed by each front end): the person's
/// answers to approvals, the last turn undone, plans and their approval, mode switches and rewinds (#17).
/// </summary>
/// <param name="model">The model usage is recorded against now (the person may switch models mid-session).</param>
/// <param name="sessionRule">The narrow rule an "always" answer to a call added (taken once), as <c>allow write:src/a.cs</c>; null when none.</param>
public sealed class JournalEventSink(Journal journal, Func<string> model, Func<string, string?>? sessionRule = null) : IEventSink
{
    public JournalEventSink(Journal journal, string model)
        : this(journal, () => model)
    {
    }

    public void Record(AgentEvent agentEvent)
    {
        switch (agentEvent)
        {
            case ToolResult result:
                var bytes = Encoding.UTF8.GetBytes(result.Output);
                journal.Append(new ToolResultRecord(result.CallId, result.Name, !result.IsError, bytes.Length,
                    Convert.ToHexStringLower(SHA256.HashData(bytes))));
                Findings("to_model", $"tool:{result.Name}", result.Output);
                break;
            case Usage usage:
                journal.Append(new ModelUsageRecord(model(), usage.InputTokens, usage.OutputTokens));
                break;
            case TurnCompleted done:
                Findings("from_model", "assistant", done.FinalText);
                break;
            case Warning warning:
                journal.TryAppend(new NoticeRecord("warning", warning.Message));
                break;
            case Error error:
                journal.TryAppend(new NoticeRecord("error", error.Message, error.Remedy, error.ExitCode));
                break;
            case SubagentEvent child:
                Record(child.Event); // its calls' ids name it (sub1.call_1)
                break;
            case SubagentStarted started:
                journal.Append(new SubagentStartRecord(started.ChildId, started.CallId, started.Agent, started.Source, started.Tools));
                break;
            case SubagentCompleted ended:
                var answer = Encoding.UTF8.GetBytes(ended.FinalText);
                journal.Append(new SubagentEndRecord(ended.ChildId, ended.CallId, OutcomeName(ended.Outcome), ended.Requests, answer.Length,
                    Convert.ToHexStringLower(SHA256.HashData(answer)), ended.Truncated));
                break;
            case UndoCompleted { Report: { } report }:
                journal.Append(new UndoRecord("/undo", report));
                break;
            case PlanProposed plan:
                journal.Append(new PlanRecord(plan.CallId, "proposed", plan.Plan));
                break;
            case ModeChanged mode:
                journal.Append(new PermissionModeRecord(mode.Mode) { By = mode.By });
                break;
            case RewindCompleted { Outcome: RewindOutcome.Rewound } rewind:
                foreach (var undone in rewind.Reports)
                {
                    journal.Append(new UndoRecord("/rewind", undone));
                }

                journal.Append(new RewindRecord(rewind.Turn, rewind.MessagesRemoved, rewind.Files, rewind.Restored.Count, rewind.Removed.Count, rewind.Skipped));
                break;
        }
    }

    /// <summary>
    /// The person answered a tool call's approval request (the session calls this as Approve or Deny arrives). What a
    /// running tool asked (hidden characters in a write) is not a tool call: its <c>tool_result</c> says how it went.
    /// </summary>
    public void RecordAnswer(ApprovalRequested request, bool approved)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind == ApprovalKind.Plan)
        {
            journal.Append(new PlanRecord(request.CallId, approved ? "approved" : "rejected", request.Arguments));
        }
        else if (request.Kind is ApprovalKind.ToolCall or ApprovalKind.UnsandboxedCommand)
        {
            journal.Append(new ApprovalRecord(request.CallId, request.Name, approved) { SessionRule = sessionRule?.Invoke(request.CallId) });
        }
    }

    private static string OutcomeName(TurnOutcome outcome) => outcome switch
    {
        TurnOutcome.Completed => "completed",
        TurnOutcome.Interrupted => "interrupted",
        TurnOutcome.MaxTurns => "max_turns",
        _ => "failed",
    };

    private void Findings(string direction, string source, string text)
    {
        foreach (var group in TextBorder.Inspect(text).GroupBy(f => f.Category).OrderBy(g => g.Key))
        {
            journal.Append(new UnicodeFindingRecord(direction, source, TextCategories.Name(group.Key), group.Count(), "recorded"));
        }
    }
}
