using System.Security.Cryptography;
using System.Text;
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
/// </summary>
public sealed class JournalEventSink(Journal journal, string model)
{
    /// <summary>The model usage is recorded against; changes when the person switches models mid-session.</summary>
    public string Model { get; set; } = model;

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
                journal.Append(new ModelUsageRecord(Model, usage.InputTokens, usage.OutputTokens));
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
        }
    }

    /// <summary>
    /// The person answered an approval request (front ends call this when they submit Approve or Deny);
    /// <paramref name="sessionRule"/> is the narrow rule an "always" answer added, as <c>allow write:src/a.cs</c>.
    /// </summary>
    public void RecordAnswer(string callId, string name, bool approved, string? sessionRule = null) =>
        journal.Append(new ApprovalRecord(callId, name, approved) { SessionRule = sessionRule });

    private void Findings(string direction, string source, string text)
    {
        foreach (var group in TextBorder.Inspect(text).GroupBy(f => f.Category).OrderBy(g => g.Key))
        {
            journal.Append(new UnicodeFindingRecord(direction, source, TextCategories.Name(group.Key), group.Count(), "recorded"));
        }
    }
}
