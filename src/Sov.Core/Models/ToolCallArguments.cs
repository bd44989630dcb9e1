using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sov.Core.Models;

/// <summary>
/// The arguments text of a tool call as it goes back to the server in the history. Strict servers parse every
/// earlier call's arguments (llama.cpp: "Failed to parse tool call arguments as JSON", HTTP 500 on every later
/// request, #16), so text that is not one JSON object goes back as a valid object keeping it as a string:
/// <c>{"unparsed_arguments":"…"}</c>. The model still sees what it wrote; the tool result already told it why
/// the call failed.
/// </summary>
public static class ToolCallArguments
{
    public const string UnparsedKey = "unparsed_arguments";

    private static readonly JsonWriterOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text to send: the model's own bytes when they are one JSON object (canonical when <paramref name="strict"/>), else the wrapped form.</summary>
    public static string ForHistory(string raw, bool strict)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (!IsJsonObject(raw))
        {
            return Wrap(raw);
        }

        if (!strict)
        {
            return raw;
        }

        using var doc = JsonDocument.Parse(raw);
        var buffer = new ArrayBufferWriter<byte>(raw.Length + 16);
        using (var w = new Utf8JsonWriter(buffer, Relaxed))
        {
            doc.RootElement.WriteTo(w);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Whether <paramref name="text"/> is exactly one JSON object, by the strict grammar (no comments, no trailing commas).</summary>
    public static bool IsJsonObject(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read(); // nothing after the object
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Wrap(string raw)
    {
        var buffer = new ArrayBufferWriter<byte>(raw.Length + 32);
        using (var w = new Utf8JsonWriter(buffer, Relaxed))
        {
            w.WriteStartObject();
            w.WriteString(UnparsedKey, raw);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Arguments held as values (a call made in code, not streamed), written as one JSON object.</summary>
    public static string Serialize(IDictionary<string, object?>? arguments)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (key, value) in arguments ?? new Dictionary<string, object?>())
            {
                w.WritePropertyName(key);
                switch (value)
                {
                    case null:
                        w.WriteNullValue();
                        break;
                    case JsonElement e:
                        e.WriteTo(w);
                        break;
                    case bool b:
                        w.WriteBooleanValue(b);
                        break;
                    case long l:
                        w.WriteNumberValue(l);
                        break;
                    case int i:
                        w.WriteNumberValue(i);
                        break;
                    case double d:
                        w.WriteNumberValue(d);
                        break;
                    default:
                        w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                        break;
                }
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
