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
