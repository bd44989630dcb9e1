using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>Hidden-Unicode findings on text crossing to or from the model: direction, source, kind, count.</summary>
public sealed record UnicodeFindingRecord(string Direction, string Source, string Kind, int Count, string Action)
    : IJournalRecord
{
    public string Type => "unicode_finding";

    public bool SyncBeforeReturn => false;

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("direction", Direction);
        writer.WriteString("source", Source);
        writer.WriteString("kind", Kind);
        writer.WriteNumber("count", Count);
        writer.WriteString("action", Action);
    }
}
