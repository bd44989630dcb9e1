using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>The endpoint and model a session ended up using, when they were discovered rather than configured.</summary>
public sealed record ModelSelectedRecord(string Endpoint, string Model) : IJournalRecord
{
    public string Type => "model_selected";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("endpoint", Endpoint);
        writer.WriteString("model", Model);
    }
}
