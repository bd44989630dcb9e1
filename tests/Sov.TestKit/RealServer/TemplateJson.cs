using System.Text;
using System.Text.Json;

namespace Sov.TestKit.RealServer;

/// <summary>
/// JSON written the way the chat template's <c>tojson</c> writes it (", " and ": " between items, as Python's
/// json.dumps), so a prefilled tool call is byte for byte what the template renders for it on the next turn
/// and the server's prompt cache covers it.
/// </summary>
public static class TemplateJson
{
    public static string Format(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var text = new StringBuilder();
        Write(doc.RootElement, text);
        return text.ToString();
    }

    private static void Write(JsonElement value, StringBuilder text)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var property in value.EnumerateObject())
                {
                    text.Append(first ? "" : ", ").Append(JsonSerializer.Serialize(property.Name)).Append(": ");
                    Write(property.Value, text);
                    first = false;
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    text.Append(index++ == 0 ? "" : ", ");
                    Write(item, text);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                text.Append(JsonSerializer.Serialize(value.GetString()));
                break;
            default:
                text.Append(value.GetRawText());
                break;
        }
    }
}
