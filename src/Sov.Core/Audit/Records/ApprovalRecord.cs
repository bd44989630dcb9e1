using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// The person's answer to a tool call that asked (its <c>tool_call</c> record says <c>ask</c>). An "always"
/// answer also writes <c>session_rule</c>: the narrow rule it added for the rest of the session.
/// </summary>
public sealed record ApprovalRecord(string CallId, string Name, bool Approved) : IJournalRecord
{
    public string? SessionRule { get; init; }

    public string Type => "approval";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("call_id", CallId);
        writer.WriteString("name", Name);
        writer.WriteString("decision", Approved ? "allow" : "deny");
        writer.WriteString("decided_by", "person");
        if (SessionRule is not null)
        {
            writer.WriteString("session_rule", SessionRule);
        }
    }
}
