using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// A subagent ended (#17): how, after how many model requests, and the size and SHA-256 of the answer returned to the
/// parent (after the size bound; <c>truncated</c> when it was cut).
/// </summary>
public sealed record SubagentEndRecord(string Child, string CallId, string Outcome, int Requests, long Bytes, string Sha256, bool Truncated) : IJournalRecord
{
    public string Type => "subagent_end";

    public bool SyncBeforeReturn => false;

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("child", Child);
        writer.WriteString("call_id", CallId);
        writer.WriteString("outcome", Outcome);
        writer.WriteNumber("requests", Requests);
        writer.WriteNumber("bytes", Bytes);
        writer.WriteString("sha256", Sha256);
        writer.WriteBoolean("truncated", Truncated);
    }
}
