using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Sov.Core.Config;

/// <summary>
/// Where each key of a TOML text is written: its dotted path (<c>permissions.deny</c>,
/// <c>mcp.servers.files.env.LOG</c>) to the 1-based line of its first mention, from Tomlyn's syntax tree
/// (the parsed table model carries no positions). A table named only by a header gets the header's line.
/// </summary>
public static class TomlLines
{
    public static IReadOnlyDictionary<string, int> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var document = SyntaxParser.Parse(text, null, true);
        foreach (var pair in document.KeyValues)
        {
            AddPair([], pair, lines);
        }

        foreach (var table in document.Tables)
        {
            var name = Parts(table.Name);
            AddPrefixes([], name, table.Span.Start.Line + 1, lines);
            foreach (var item in table.Items)
            {
                AddPair(name, item, lines);
            }
        }

        return lines;
    }

    private static void AddPair(IReadOnlyList<string> prefix, KeyValueSyntax pair, Dictionary<string, int> lines)
    {
        var path = AddPrefixes(prefix, Parts(pair.Key), pair.Span.Start.Line + 1, lines);
        if (pair.Value is InlineTableSyntax inline)
        {
            foreach (var item in inline.Items)
            {
                if (item.KeyValue is { } inner)
                {
                    AddPair(path, inner, lines);
                }
            }
        }
    }

    private static List<string> AddPrefixes(IReadOnlyList<string> prefix, IReadOnlyList<string> parts, int line, Dictionary<string, int> lines)
    {
        var path = new List<string>(prefix);
        foreach (var part in parts)
        {
            path.Add(part);
            lines.TryAdd(string.Join('.', path), line);
        }

        return path;
    }

    private static List<string> Parts(KeySyntax? key)
    {
        if (key is null)
        {
            return [];
        }

        var parts = new List<string> { Name(key.Key) };
        foreach (var dotted in key.DotKeys)
        {
            parts.Add(Name(dotted.Key));
        }

        return parts;
    }

    private static string Name(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax quoted => quoted.Value ?? "",
        _ => "",
    };
}
