using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>A tool call's outcome: success, size and SHA-256 of the output the model will see.</summary>
public sealed record ToolResultRecord(string CallId, string Name, bool Ok, long Bytes, string Sha256) : IJournalRecord
{
    public string Type => "tool_result";

    public bool SyncBeforeReturn => false;

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("call_id", CallId);
        writer.WriteString("name", Name);
        writer.WriteBoolean("ok", Ok);
        writer.WriteNumber("bytes", Bytes);
        writer.WriteString("sha256", Sha256);
    }
}
