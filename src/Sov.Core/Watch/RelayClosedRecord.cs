using System.Text.Json;
using Sov.Core.Audit;

namespace Sov.Core.Watch;

/// <summary>A relayed connection ended: the bytes it carried each way, and the error that ended it, if any.</summary>
public sealed record RelayClosedRecord(string Destination, long BytesOut, long BytesIn, string? Error) : IJournalRecord
{
    public string Type => "watch_relay_close";

    public bool SyncBeforeReturn => false;

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("destination", Destination);
        writer.WriteNumber("bytes_out", BytesOut);
        writer.WriteNumber("bytes_in", BytesIn);
        if (Error is not null)
        {
            writer.WriteString("error", Error);
        }
    }
}
