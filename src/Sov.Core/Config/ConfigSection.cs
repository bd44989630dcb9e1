using System.Globalization;
using Tomlyn;
using Tomlyn.Model;

namespace Sov.Core.Config;

/// <summary>
/// Typed reads of one table of a <see cref="ConfigDocument"/>: a value of the wrong type is a
/// <see cref="ConfigException"/> (exit 3) naming the file and line, the key, the type expected and what was
/// found, in words (never a library type name).
/// </summary>
public sealed class ConfigSection(ConfigDocument document, TomlTable table, string prefix)
{
    public ConfigDocument Document { get; } = document;

    /// <summary>The dotted path of this table (empty for the top level).</summary>
    public string Prefix { get; } = prefix;

    public IEnumerable<string> Keys => table.Keys;

    public bool Has(string name) => table.ContainsKey(name);

    /// <summary>Whether <paramref name="name"/> holds a table (<c>[model]</c> rather than <c>model = "..."</c>).</summary>
    public bool IsTable(string name) => table.TryGetValue(name, out var value) && value is TomlTable;

    public string Key(string name) => Prefix.Length == 0 ? name : $"{Prefix}.{name}";

    public string? Text(string name) =>
        !table.TryGetValue(name, out var value) ? null
        : value as string ?? throw Wrong(name, value, "a string", $"{name} = \"...\"");

    public IReadOnlyList<string> Strings(string name) =>
        !table.TryGetValue(name, out var value) ? []
        : value is TomlArray array && array.All(v => v is string) ? [.. array.Cast<string>()]
        : throw Wrong(name, value, "a list of strings", $"{name} = [\"...\"]");

    public bool? Flag(string name) =>
        !table.TryGetValue(name, out var value) ? null
        : value is bool flag ? flag
        : throw Wrong(name, value, "true or false", $"{name} = true");

    /// <summary>A whole number above zero (at most <paramref name="max"/>).</summary>
    public long? Whole(string name, long max = int.MaxValue) =>
        !table.TryGetValue(name, out var value) ? null
        : value is long n && n > 0 && n <= max ? n
        : throw Wrong(name, value, max == int.MaxValue ? "a positive whole number" : $"a whole number from 1 to {max.ToString(CultureInfo.InvariantCulture)}", $"{name} = 30");

    /// <summary>A number above zero, whole or not.</summary>
    public double? Positive(string name) =>
        !table.TryGetValue(name, out var value) ? null
        : value is long n && n > 0 ? n
        : value is double d && d > 0 && double.IsFinite(d) ? d
        : throw Wrong(name, value, "a positive number", $"{name} = 60");

    /// <summary>A nested table, or null when absent.</summary>
    public ConfigSection? Section(string name) =>
        !table.TryGetValue(name, out var value) ? null
        : value is TomlTable inner ? new ConfigSection(Document, inner, Key(name))
        : throw Wrong(name, value, "a table", $"[{Key(name)}]");

    /// <summary>An array of tables (<c>[[name]]</c> entries), empty when absent; each entry has the array's dotted path.</summary>
    public IReadOnlyList<ConfigSection> Tables(string name) =>
        !table.TryGetValue(name, out var value) ? []
        : value is TomlTableArray array ? [.. array.Select(t => new ConfigSection(Document, t, Key(name)))]
        : value is TomlArray inline && inline.All(v => v is TomlTable) ? [.. inline.Cast<TomlTable>().Select(t => new ConfigSection(Document, t, Key(name)))]
        : throw Wrong(name, value, "a list of tables", $"[[{Key(name)}]]");

    /// <summary>A table of strings (<c>env = { NAME = "value" }</c>).</summary>
    public IReadOnlyDictionary<string, string> StringTable(string name) =>
        !table.TryGetValue(name, out var value) ? new Dictionary<string, string>()
        : value is TomlTable inner && inner.All(p => p.Value is string)
            ? inner.ToDictionary(p => p.Key, p => (string)p.Value, StringComparer.Ordinal)
            : throw Wrong(name, value, "a table of strings", $"{name} = {{ NAME = \"value\" }}");

    /// <summary>A problem with one key: <c>FILE:LINE: message</c>, exit 3.</summary>
    public ConfigException Bad(string name, string message, string remedy) =>
        new($"{Document.Where(Key(name))}: {message}", remedy);

    private ConfigException Wrong(string name, object value, string expected, string example) =>
        Bad(name, $"{Key(name)} must be {expected}, not {Describe(value)}.", $"Write it as {example} (see README, 'Configuration').");

    /// <summary>A value as a person wrote it, or its kind in words.</summary>
    public static string Describe(object? value) => value switch
    {
        string s => s.Length <= 40 ? $"\"{s}\"" : $"\"{s[..40]}...\"",
        bool b => b ? "true" : "false",
        long or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        TomlArray => "a list",
        TomlTable => "a table",
        TomlTableArray => "a list of tables",
        TomlDateTime or DateTime or DateTimeOffset or DateOnly or TimeOnly => "a date",
        _ => "a value of another kind",
    };
}
