using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>Token usage the model reported for a turn's request.</summary>
public sealed record ModelUsageRecord(string Model, long? InputTokens, long? OutputTokens) : IJournalRecord
{
    public string Type => "model_usage";

    public bool SyncBeforeReturn => false;

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("model", Model);
        WriteNullable(writer, "input_tokens", InputTokens);
        WriteNullable(writer, "output_tokens", OutputTokens);
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
