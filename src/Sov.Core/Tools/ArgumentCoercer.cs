using System.Globalization;
using System.Text.Json;

namespace Sov.Core.Tools;

/// <summary>
/// Coerces the arguments a model sent into the types the tool's schema declares. Local models often
/// send "230.0" for an integer or "true" for a boolean; those are accepted. A value that cannot be
/// coerced, a missing required parameter or an unknown parameter is a <see cref="ToolException"/>,
/// whose message goes back to the model: nothing is silently dropped.
/// </summary>
public static class ArgumentCoercer
{
    public static ToolArguments Coerce(ToolSchema schema, JsonElement arguments)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (arguments.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return Coerce(schema, new Dictionary<string, JsonElement>());
        }

        if (arguments.ValueKind == JsonValueKind.String && arguments.GetString() is { } text)
        {
            // Some servers double-encode: "arguments": "{\"path\":\"a\"}" inside a JSON string.
            try
            {
                using var inner = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
                return Coerce(schema, inner.RootElement.Clone());
            }
            catch (JsonException e)
            {
                throw new ToolException($"The arguments are not a JSON object ({e.Message}).");
            }
        }

        if (arguments.ValueKind != JsonValueKind.Object)
        {
            throw new ToolException($"The arguments must be a JSON object, not {arguments.ValueKind.ToString().ToLowerInvariant()}.");
        }

        var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in arguments.EnumerateObject())
        {
            map[property.Name] = property.Value;
        }

        return Coerce(schema, map);
    }

    public static ToolArguments Coerce(ToolSchema schema, IReadOnlyDictionary<string, JsonElement> arguments)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(arguments);
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            if (schema.Find(name) is null && schema.Tolerated.Contains(name))
            {
                if (value.ValueKind == JsonValueKind.String)
                {
                    result[name] = value.GetString()!;
                }

                continue;
            }

            var parameter = schema.Find(name) ?? throw new ToolException(
                $"Unknown parameter '{name}'. This tool takes: {string.Join(", ", schema.Parameters.Select(p => p.Name))}.");
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue; // null means "not given"; required-ness is checked below.
            }

            result[name] = CoerceValue(parameter, value);
        }

        foreach (var parameter in schema.Parameters.Where(p => p.Required && !result.ContainsKey(p.Name)))
        {
            throw new ToolException($"Missing required parameter '{parameter.Name}' ({ToolSchema.TypeName(parameter.Type)}).");
        }

        return new ToolArguments(result);
    }

    private static object CoerceValue(ToolParameter parameter, JsonElement value) => parameter.Type switch
    {
        ToolParameterType.String => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw Mismatch(parameter, value),
        },
        ToolParameterType.Integer => ToInteger(parameter, value),
        ToolParameterType.Number => ToNumber(parameter, value),
        ToolParameterType.Boolean => ToBoolean(parameter, value),
        ToolParameterType.Array => ToStructured(parameter, value, JsonValueKind.Array),
        ToolParameterType.Any => value.Clone(),
        _ => ToStructured(parameter, value, JsonValueKind.Object),
    };

    private static long ToInteger(ToolParameter parameter, JsonElement value)
    {
        var number = ToNumber(parameter, value);
        if (Math.Abs(number % 1) > 0 || number > long.MaxValue || number < long.MinValue)
        {
            throw Mismatch(parameter, value);
        }

        return (long)number;
    }

    private static double ToNumber(ToolParameter parameter, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d))
        {
            return d;
        }

        if (value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString()!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && double.IsFinite(parsed))
        {
            return parsed;
        }

        throw Mismatch(parameter, value);
    }

    private static bool ToBoolean(ToolParameter parameter, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                switch (value.GetString()!.Trim().ToLowerInvariant())
                {
                    case "true" or "yes" or "1":
                        return true;
                    case "false" or "no" or "0":
                        return false;
                }

                break;
            case JsonValueKind.Number when value.TryGetInt32(out var i) && i is 0 or 1:
                return i == 1;
        }

        throw Mismatch(parameter, value);
    }

    private static JsonElement ToStructured(ToolParameter parameter, JsonElement value, JsonValueKind kind)
    {
        if (value.ValueKind == kind)
        {
            return value.Clone();
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var doc = JsonDocument.Parse(value.GetString()!);
                if (doc.RootElement.ValueKind == kind)
                {
                    return doc.RootElement.Clone();
                }
            }
            catch (JsonException)
            {
                // fall through to the mismatch message
            }
        }

        throw Mismatch(parameter, value);
    }

    private static ToolException Mismatch(ToolParameter parameter, JsonElement value)
    {
        var shown = value.GetRawText();
        if (shown.Length > 80)
        {
            shown = shown[..80] + "...";
        }

        return new ToolException(
            $"Parameter '{parameter.Name}' must be {ToolSchema.TypeName(parameter.Type)}, got {shown}.");
    }
}
