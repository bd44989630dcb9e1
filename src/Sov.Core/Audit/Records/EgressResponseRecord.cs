using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>How a request that left ended: status, bytes received (body, as read), duration, or the error.</summary>
public sealed record EgressResponseRecord(long Request, int? Status, long BytesIn, long DurationMs, string? Error)
    : IJournalRecord
{
    public string Type => "egress_response";

    public bool SyncBeforeReturn => false;

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber("request", Request);
        if (Status is { } status)
        {
            writer.WriteNumber("status", status);
        }
        else
        {
            writer.WriteNull("status");
        }

        writer.WriteNumber("bytes_in", BytesIn);
        writer.WriteNumber("duration_ms", DurationMs);
        if (Error is not null)
        {
            writer.WriteString("error", Error);
        }
    }
}
