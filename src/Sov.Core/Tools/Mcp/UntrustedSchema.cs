using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sov.Core.Text;

namespace Sov.Core.Tools.Mcp;

/// <summary>
/// An MCP server's input schema made fit to send to the model: every string in it (property names, descriptions,
/// enum values) passes the text border, hidden characters becoming visible markers; a schema larger than
/// <see cref="MaxBytes"/> is replaced by a bare object schema, so one server cannot flood every request.
/// </summary>
public static class UntrustedSchema
{
    public const int MaxBytes = 16 * 1024;

    /// <summary>The schema to use, whether some string in it hid characters, and whether it was cut for size.</summary>
    public static (JsonElement Schema, bool Revealed, bool Cut) Clean(JsonElement schema)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        var revealed = false;
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(w, schema, ref revealed);
        }

        if (buffer.WrittenCount > MaxBytes)
        {
            using var bare = JsonDocument.Parse("""{"type":"object"}""");
            return (bare.RootElement.Clone(), revealed, true);
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return (doc.RootElement.Clone(), revealed, false);
    }

    private static string Reveal(string text, ref bool revealed)
    {
        var shown = TextBorder.Reveal(text);
        revealed |= !ReferenceEquals(shown, text);
        return shown;
    }

    private static void Write(Utf8JsonWriter w, JsonElement e, ref bool revealed)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject())
                {
                    w.WritePropertyName(Reveal(p.Name, ref revealed));
                    Write(w, p.Value, ref revealed);
                }

                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in e.EnumerateArray())
                {
                    Write(w, item, ref revealed);
                }

                w.WriteEndArray();
                break;
            case JsonValueKind.String:
                w.WriteStringValue(Reveal(e.GetString()!, ref revealed));
                break;
            default:
                e.WriteTo(w);
                break;
        }
    }
}
