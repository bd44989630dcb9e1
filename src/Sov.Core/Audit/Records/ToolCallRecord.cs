using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// A tool call and who decided it: <see cref="DecidedBy"/> is <c>rule</c>, <c>person</c> or <c>mode</c>.
/// <see cref="Arguments"/> is the model's argument JSON, passed through the redactor before it is written.
/// <see cref="Source"/> is where the model's answer held the call (<c>native</c> <c>tool_calls</c>, or rescued from its
/// <c>content</c> or <c>reasoning</c>). <see cref="Rule"/>, written only when present, is the rule that decided or that asked (as <c>deny read:.env</c>).
/// </summary>
public sealed record ToolCallRecord(string CallId, string Name, string Arguments, string Decision, string DecidedBy)
    : IJournalRecord
{
    public string? Rule { get; init; }

    public string Source { get; init; } = "native";

    public string Type => "tool_call";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("call_id", CallId);
        writer.WriteString("name", Name);
        writer.WriteString("arguments", Arguments);
        writer.WriteString("decision", Decision);
        writer.WriteString("decided_by", DecidedBy);
        writer.WriteString("source", Source);
        if (Rule is not null)
        {
            writer.WriteString("rule", Rule);
        }
    }
}
