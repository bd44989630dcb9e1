using System.Text.Json;
using Sov.Core.Secrets;

namespace Sov.Core.Audit.Records;

/// <summary>Secrets replaced in an outgoing body: kind and hash8 of each, never the secret.</summary>
public sealed record RedactionRecord(long Request, IReadOnlyList<Redaction> Redactions) : IJournalRecord
{
    public string Type => "redaction";

    public bool SyncBeforeReturn => false;

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber("request", Request);
        writer.WriteStartArray("secrets");
        foreach (var r in Redactions)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", r.Kind);
            writer.WriteString("hash8", r.Hash8);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
