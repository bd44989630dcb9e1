using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>The person's answer to a tool call that asked (its <c>tool_call</c> record says <c>ask</c>).</summary>
public sealed record ApprovalRecord(string CallId, string Name, bool Approved) : IJournalRecord
{
    public string Type => "approval";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("call_id", CallId);
        writer.WriteString("name", Name);
        writer.WriteString("decision", Approved ? "allow" : "deny");
        writer.WriteString("decided_by", "person");
    }
}
