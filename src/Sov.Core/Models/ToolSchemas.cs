using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sov.Core.Models;

/// <summary>
/// Tool parameter schemas as every server can constrain them (#16). Servers that decode with a grammar built from
/// the schema (llama.cpp, LM Studio, vLLM's and SGLang's xgrammar/outlines) fail on some shapes ("failed to parse
/// grammar", LM Studio; Qwen Code #10065) or build huge grammars from others. Always: the top level is one plain
/// object (a top-level <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c> becomes the union of its branches' properties,
/// required only what all require); <c>maxLength</c>/<c>minLength</c>/<c>maxItems</c>/<c>minItems</c> above
/// <see cref="MaxBound"/> and <c>pattern</c>s are dropped; <c>$schema</c> and unknown <c>format</c>s go. A schema
/// over <see cref="MaxComplexBytes"/> or nested deeper than <see cref="MaxDepth"/> (an MCP server's, say) is sent
/// plain. Plain (also after a server refused a grammar): names, types, descriptions, items and required only.
/// A schema that needs none of this is written byte for byte as it was.
/// </summary>
public static class ToolSchemas
{
    public const int MaxBound = 256;
    public const int MaxComplexBytes = 8 * 1024;
    public const int MaxDepth = 10;

    private static readonly string[] Branches = ["oneOf", "anyOf", "allOf"];
    private static readonly string[] Bounds = ["maxLength", "minLength", "maxItems", "minItems"];
    private static readonly string[] KnownFormats = ["date", "time", "date-time", "uuid"];

    public static void Write(Utf8JsonWriter writer, JsonElement schema, bool plain)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var simplified = Simplify(schema, plain);
        if (simplified is null)
        {
            schema.WriteTo(writer);
        }
        else
        {
            simplified.WriteTo(writer);
        }
    }

    /// <summary>The schema to send, or null when <paramref name="schema"/> can go unchanged.</summary>
    public static JsonNode? Simplify(JsonElement schema, bool plain)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };
        }

        plain |= schema.GetRawText().Length > MaxComplexBytes || Depth(schema) > MaxDepth;
        var node = JsonNode.Parse(schema.GetRawText())!.AsObject();
        var changed = plain ? true : Constrain(node, top: true);
        if (plain)
        {
            node = Plain(node, top: true);
        }

        return changed ? node : null;
    }

    private static bool Constrain(JsonObject node, bool top)
    {
        var changed = false;
        if (top)
        {
            changed |= node.Remove("$schema");
            if (Branches.Any(node.ContainsKey))
            {
                MergeBranches(node);
                changed = true;
            }

            if (node["type"] is null)
            {
                node["type"] = "object";
                changed = true;
            }
        }

        foreach (var bound in Bounds)
        {
            if (node[bound] is JsonValue v && v.TryGetValue<long>(out var n) && n > MaxBound)
            {
                changed |= node.Remove(bound);
            }
        }

        changed |= node.Remove("pattern");
        if (node["format"] is JsonValue f && f.TryGetValue<string>(out var format) && !KnownFormats.Contains(format))
        {
            changed |= node.Remove("format");
        }

        foreach (var child in Children(node))
        {
            changed |= Constrain(child, top: false);
        }

        return changed;
    }

    private static void MergeBranches(JsonObject node)
    {
        var properties = node["properties"] as JsonObject ?? new JsonObject();
        HashSet<string>? required = null;
        foreach (var key in Branches)
        {
            if (node[key] is not JsonArray branches)
            {
                node.Remove(key);
                continue;
            }

            foreach (var branch in branches.OfType<JsonObject>())
            {
                if (branch["properties"] is JsonObject p)
                {
                    foreach (var (name, value) in p)
                    {
                        if (!properties.ContainsKey(name))
                        {
                            properties[name] = value?.DeepClone();
                        }
                    }
                }

                var these = (branch["required"] as JsonArray)?.Select(r => r?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
                if (key == "allOf")
                {
                    (required ??= []).UnionWith(these);
                }
                else
                {
                    required = required is null ? these : [.. required.Intersect(these)];
                }
            }

            node.Remove(key);
        }

        var own = (node["required"] as JsonArray)?.Select(r => r?.GetValue<string>()).OfType<string>() ?? [];
        var all = own.Concat(required ?? []).Distinct(StringComparer.Ordinal).ToList();
        node["type"] = "object";
        if (properties.Parent is null)
        {
            node["properties"] = properties;
        }

        node.Remove("required");
        if (all.Count > 0)
        {
            node["required"] = new JsonArray([.. all.Select(r => (JsonNode)JsonValue.Create(r))]);
        }
    }

    private static JsonObject Plain(JsonObject node, bool top)
    {
        if (top && Branches.Any(node.ContainsKey))
        {
            MergeBranches(node);
        }

        var plain = new JsonObject();
        var type = node["type"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var t) => t,
            JsonArray a => a.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t is not null and not "null"),
            _ => top ? "object" : null,
        };
        if (type is not null)
        {
            plain["type"] = type;
        }

        if (node["description"] is JsonValue d && d.TryGetValue<string>(out var description))
        {
            plain["description"] = description.Length > 300 ? description[..300] : description;
        }

        if (node["properties"] is JsonObject properties)
        {
            var inner = new JsonObject();
            foreach (var (name, value) in properties)
            {
                inner[name] = value is JsonObject o ? Plain(o, top: false) : new JsonObject();
            }

            plain["properties"] = inner;
        }

        if (node["items"] is JsonObject items)
        {
            plain["items"] = Plain(items, top: false);
        }

        if (node["required"] is JsonArray required)
        {
            plain["required"] = required.DeepClone();
        }

        return plain;
    }

    private static IEnumerable<JsonObject> Children(JsonObject node)
    {
        if (node["properties"] is JsonObject properties)
        {
            foreach (var (_, value) in properties)
            {
                if (value is JsonObject o)
                {
                    yield return o;
                }
            }
        }

        if (node["items"] is JsonObject items)
        {
            yield return items;
        }

        foreach (var key in Branches)
        {
            if (node[key] is JsonArray branches)
            {
                foreach (var branch in branches.OfType<JsonObject>())
                {
                    yield return branch;
                }
            }
        }
    }

    private static int Depth(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => 1 + e.EnumerateObject().Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max(),
        JsonValueKind.Array => 1 + e.EnumerateArray().Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };
}
