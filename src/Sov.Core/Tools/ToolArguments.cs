using System.Text.Json;

namespace Sov.Core.Tools;

/// <summary>
/// Arguments after coercion by the tool's schema: strings are <see cref="string"/>, integers
/// <see cref="long"/>, numbers <see cref="double"/>, booleans <see cref="bool"/>, arrays and objects
/// <see cref="JsonElement"/>. Absent optional parameters are simply missing.
/// </summary>
public sealed class ToolArguments(IReadOnlyDictionary<string, object> values)
{
    public static ToolArguments Empty { get; } = new(new Dictionary<string, object>());

    public IReadOnlyDictionary<string, object> Values { get; } = values;

    public bool Has(string name) => Values.ContainsKey(name);

    public string? GetString(string name) => Values.TryGetValue(name, out var v) ? (string)v : null;

    public string RequireString(string name) =>
        GetString(name) ?? throw new ToolException($"Missing required parameter '{name}'.");

    public long? GetInteger(string name) => Values.TryGetValue(name, out var v) ? (long)v : null;

    public double? GetNumber(string name) => Values.TryGetValue(name, out var v) ? (double)v : null;

    public bool? GetBoolean(string name) => Values.TryGetValue(name, out var v) ? (bool)v : null;

    public JsonElement? GetJson(string name) => Values.TryGetValue(name, out var v) ? (JsonElement)v : null;
}
