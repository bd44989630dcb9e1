using System.Text.Json;
using Sov.Core.Audit;

namespace Sov.Core.Watch;

/// <summary>A contained command's connection, relayed to an allowed endpoint: journaled before Sovereign dials it.</summary>
public sealed record RelayOpeningRecord(string Destination) : IJournalRecord
{
    public string Type => "watch_relay_open";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("destination", Destination);
    }
}
