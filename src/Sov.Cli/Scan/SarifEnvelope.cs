using System.Text.Json;

namespace Sov.Cli.Scan;

/// <summary>
/// The SARIF 2.1.0 frame both <c>sov scan</c> and <c>sov watch</c> write: the schema, one run whose driver names the
/// tool, its rules and then the rest of the run (results), written as readable ASCII JSON.
/// </summary>
internal static class SarifEnvelope
{
    /// <param name="writeRules">Writes the rule objects inside the driver's <c>rules</c> array.</param>
    /// <param name="writeRun">Writes the run's remaining properties (<c>results</c> and any others) after <c>tool</c>.</param>
    public static async Task WriteAsync(TextWriter output, string tool, string version, Action<Utf8JsonWriter> writeRules, Action<Utf8JsonWriter> writeRun)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", tool);
            json.WriteString("semanticVersion", version);
            json.WriteStartArray("rules");
            writeRules(json);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            writeRun(json);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        await output.WriteLineAsync(JsonAscii.Readable(buffer.ToArray())).ConfigureAwait(false);
    }
}
