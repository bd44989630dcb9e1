using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>A request the gate refused before any name was resolved: it never left.</summary>
public sealed record EgressRefusedRecord(string Method, string Destination, string Reason) : IJournalRecord
{
    public string Type => "egress_refused";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("method", Method);
        writer.WriteString("destination", Destination);
        writer.WriteString("reason", Reason);
    }
}
