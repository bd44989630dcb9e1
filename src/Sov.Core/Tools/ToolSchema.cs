using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Sov.Core.Tools;

/// <summary>A tool's parameters. <see cref="ToJson"/> writes the compact JSON schema sent to the model.</summary>
public sealed class ToolSchema
{
    public ToolSchema(params ToolParameter[] parameters)
    {
        Parameters = parameters;
        Json = Render(parameters);
    }

    /// <summary>
    /// Names taken as strings when a model sends them but not written into the schema (bytes in every request saved):
    /// <c>task</c>'s <c>description</c>, which models trained on other agents send.
    /// </summary>
    public IReadOnlyList<string> Tolerated { get; init; } = [];

    private ToolSchema(IReadOnlyList<ToolParameter> parameters, string json)
    {
        Parameters = parameters;
        Json = json;
    }

    /// <summary>
    /// A schema given whole (an MCP server's): sent to the model as it is, compacted; its top-level properties
    /// become parameters so arguments are coerced the same way.
    /// </summary>
    public static ToolSchema FromJsonSchema(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return new ToolSchema();
        }

        var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        var parameters = new List<ToolParameter>();
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                var type = property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                    ? t.GetString() switch
                    {
                        "string" => ToolParameterType.String,
                        "integer" => ToolParameterType.Integer,
                        "number" => ToolParameterType.Number,
                        "boolean" => ToolParameterType.Boolean,
                        "array" => ToolParameterType.Array,
                        "object" => ToolParameterType.Object,
                        _ => ToolParameterType.Any,
                    }
                    : ToolParameterType.Any;
                parameters.Add(new ToolParameter(property.Name, type, "", required.Contains(property.Name)));
            }
        }

        var json = schema.GetRawText();
        using var doc = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>(json.Length);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            doc.RootElement.WriteTo(w);
        }

        return new ToolSchema(parameters, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    public IReadOnlyList<ToolParameter> Parameters { get; }

    /// <summary>The compact JSON schema: type, properties (type + description), required. Nothing else.</summary>
    public string Json { get; }

    public ToolParameter? Find(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    public static string TypeName(ToolParameterType type) => type switch
    {
        ToolParameterType.String => "string",
        ToolParameterType.Integer => "integer",
        ToolParameterType.Number => "number",
        ToolParameterType.Boolean => "boolean",
        ToolParameterType.Array => "array",
        ToolParameterType.Any => "any",
        _ => "object",
    };

    private static string Render(IReadOnlyList<ToolParameter> parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "object");
            w.WriteStartObject("properties");
            foreach (var p in parameters)
            {
                w.WriteStartObject(p.Name);
                w.WriteString("type", TypeName(p.Type));
                if (p.ItemsType is { } items)
                {
                    w.WriteStartObject("items");
                    w.WriteString("type", TypeName(items));
                    w.WriteEndObject();
                }

                if (p.Description.Length > 0)
                {
                    w.WriteString("description", p.Description);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            var required = parameters.Where(p => p.Required).ToList();
            if (required.Count > 0)
            {
                w.WriteStartArray("required");
                foreach (var p in required)
                {
                    w.WriteStringValue(p.Name);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
