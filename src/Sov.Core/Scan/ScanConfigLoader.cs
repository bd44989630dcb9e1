using System.Text.RegularExpressions;
using Sov.Core.Config;
using Sov.Core.Text;
using Sov.Core.Tools.Search;
using Tomlyn;
using Tomlyn.Model;

namespace Sov.Core.Scan;

/// <summary>
/// Reads <c>.sovscan.toml</c>: a list of <c>[[suppress]]</c> entries with <c>paths</c> (globs), <c>categories</c>,
/// <c>min-severity</c> and a required <c>reason</c>. Anything else is an error naming <c>file:line</c>, so a typo
/// never widens or silently drops a suppression.
/// </summary>
public static partial class ScanConfigLoader
{
    private const string Remedy = "Fix .sovscan.toml: [[suppress]] entries with paths, categories, min-severity and a reason (docs/text-border.md, 'Suppressions').";

    /// <summary>Loads <paramref name="path"/> when it exists (globs relative to its folder); null when there is none.</summary>
    public static ScanConfig? LoadIfPresent(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScanConfigException($"{path}: cannot be read: {e.Message}", Remedy);
        }

        return Parse(path, Path.GetDirectoryName(Path.GetFullPath(path))!, text);
    }

    public static ScanConfig Parse(string path, string root, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize(text, ConfigTomlContext.Default.TomlTable) ?? [];
        }
        catch (TomlException e)
        {
            var described = TomlError.Describe(e.Message);
            var m = Located().Match(described);
            throw new ScanConfigException(m.Success ? $"{path}:{m.Groups[1].Value}:{m.Groups[2].Value}: {m.Groups[3].Value}" : $"{path}: {described}", Remedy);
        }

        var lines = text.Split('\n');
        foreach (var key in table.Keys.Where(k => k != "suppress"))
        {
            throw Error(path, LineOf(lines, 0, key), $"unknown key '{key}' (only [[suppress]] entries)");
        }

        var rules = new List<SuppressRule>();
        if (table.TryGetValue("suppress", out var value))
        {
            if (value is not TomlTableArray entries)
            {
                throw Error(path, LineOf(lines, 0, "suppress"), "'suppress' must be a list of tables ([[suppress]])");
            }

            var header = 0;
            foreach (var entry in entries)
            {
                header = NextHeader(lines, header);
                rules.Add(Rule(path, lines, entry, header));
                header++;
            }
        }

        return new ScanConfig(path, root, rules);
    }

    private static SuppressRule Rule(string path, string[] lines, TomlTable entry, int header)
    {
        var line = header + 1;
        foreach (var key in entry.Keys.Where(k => k is not ("paths" or "categories" or "min-severity" or "reason")))
        {
            throw Error(path, LineOf(lines, header, key), $"unknown key '{key}' in [[suppress]] (paths, categories, min-severity, reason)");
        }

        if (!entry.TryGetValue("reason", out var reasonValue) || reasonValue is not string reason || string.IsNullOrWhiteSpace(reason))
        {
            throw Error(path, line, "this [[suppress]] entry needs a reason = \"why these findings are accepted\"");
        }

        var globs = new List<GlobPattern>();
        foreach (var glob in Strings(path, lines, header, entry, "paths"))
        {
            try
            {
                globs.Add(new GlobPattern(glob, matchBasenameWhenNoSlash: true));
            }
            catch (FormatException e)
            {
                throw Error(path, LineOf(lines, header, "paths"), $"bad glob '{glob}': {e.Message}");
            }
        }

        HashSet<TextCategory>? categories = null;
        if (entry.ContainsKey("categories"))
        {
            categories = [];
            foreach (var name in Strings(path, lines, header, entry, "categories"))
            {
                if (!ScanCategoryNames.TryParse(name, out var category))
                {
                    throw Error(path, LineOf(lines, header, "categories"), $"unknown category '{name}' (one of {ScanCategoryNames.Known})");
                }

                categories.Add(category);
            }
        }

        Severity? min = null;
        if (entry.TryGetValue("min-severity", out var minValue))
        {
            if (minValue is not string minText || !Severities.TryParse(minText, out var severity))
            {
                throw Error(path, LineOf(lines, header, "min-severity"), "min-severity must be one of info, low, medium, high, critical");
            }

            min = severity;
        }

        return new SuppressRule(globs, categories, min, reason.Trim(), line);
    }

    private static List<string> Strings(string path, string[] lines, int header, TomlTable entry, string key)
    {
        if (!entry.TryGetValue(key, out var value))
        {
            return [];
        }

        return value is TomlArray array && array.All(v => v is string)
            ? [.. array.Cast<string>()]
            : throw Error(path, LineOf(lines, header, key), $"'{key}' must be a list of strings");
    }

    private static ScanConfigException Error(string path, int line, string what) => new($"{path}:{line}: {what}", Remedy);

    /// <summary>The 0-based index of the next <c>[[suppress]]</c> header at or after <paramref name="from"/>.</summary>
    private static int NextHeader(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            if (Header().IsMatch(lines[i]))
            {
                return i;
            }
        }

        return Math.Max(0, from);
    }

    /// <summary>The 1-based line where <paramref name="key"/> is set at or after <paramref name="from"/> (0-based), else the line after it.</summary>
    private static int LineOf(string[] lines, int from, string key)
    {
        for (var i = from; i < lines.Length; i++)
        {
            var t = lines[i].TrimStart();
            if (t.StartsWith(key, StringComparison.Ordinal) && t[key.Length..].TrimStart().StartsWith('=')
                || t.StartsWith("[[" + key, StringComparison.Ordinal) || t.StartsWith("[" + key, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return from + 1;
    }

    [GeneratedRegex(@"^\s*\[\[\s*suppress\s*\]\]")]
    private static partial Regex Header();

    [GeneratedRegex(@"^line (\d+), column (\d+): (.*)$")]
    private static partial Regex Located();
}
