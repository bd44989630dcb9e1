using System.Globalization;
using System.Text.RegularExpressions;
using Sov.Core.Text;

namespace Sov.Core.Agent.Subagents;

/// <summary>
/// Reads an agent file in the format Claude Code uses: front matter between <c>---</c> lines (<c>name</c>,
/// <c>description</c>, <c>tools</c> as a comma list, a <c>[…]</c> list or <c>- item</c> lines, <c>model</c>; other keys
/// are ignored), then the body, the agent's system prompt. A file it cannot read gives one warning line naming the
/// file and line and is skipped; it never throws. Description and body pass the text border (hidden characters are
/// revealed), as AGENTS.md does.
/// </summary>
public static partial class AgentDefinitionParser
{
    /// <summary>Claude Code's model aliases mean nothing to a self-hosted server: the child uses the session's model.</summary>
    private static readonly HashSet<string> SessionModel = new(["inherit", "sonnet", "opus", "haiku"], StringComparer.OrdinalIgnoreCase);

    /// <param name="display">The file as shown to the person (in warnings).</param>
    /// <param name="fallbackName">The name when the front matter gives none (the file name without <c>.md</c>).</param>
    public static (AgentDefinition? Definition, string? Warning) Parse(string text, string display, string fallbackName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        if (lines[0].Trim() != "---")
        {
            return Fail(display, 1, "it does not start with front matter ('---', name: and description: lines, '---')");
        }

        var (matter, failure) = ReadFrontMatter(lines, display);
        if (matter is null)
        {
            return (null, failure);
        }

        var (name, nameLine) = matter.Fields.TryGetValue("name", out var n) ? n : (fallbackName, 1);
        if (!NamePattern().IsMatch(name))
        {
            return Fail(display, nameLine, $"the name '{Shorten(name)}' is not lowercase letters, digits, '-', '_' or '.' (at most 64)");
        }

        if (!matter.Fields.TryGetValue("description", out var description) || description.Value.Trim().Length == 0)
        {
            return Fail(display, 1, "the front matter has no description: line (it tells the model when to use the agent)");
        }

        string? model = matter.Fields.TryGetValue("model", out var m) && m.Value.Length > 0 && !SessionModel.Contains(m.Value) ? m.Value : null;
        IReadOnlyList<string>? tools = matter.Fields.ContainsKey("tools") ? [.. matter.Tools.Select(AgentToolNames.Map).Distinct(StringComparer.Ordinal)] : null;
        var body = string.Join('\n', lines.Skip(matter.BodyLine - 1)).Trim();
        var safeDescription = TextBorder.Reveal(description.Value.Trim()).ReplaceLineEndings(" ");
        return (new AgentDefinition(name, safeDescription, tools, model, TextBorder.Reveal(body), display), null);
    }

    private static (AgentFrontMatter? Matter, string? Warning) ReadFrontMatter(string[] lines, string display)
    {
        var matter = new AgentFrontMatter();
        string? lastKey = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            var number = i + 1;
            var trimmed = line.Trim();
            if (trimmed == "---")
            {
                matter.BodyLine = number + 1;
                return (matter, null);
            }

            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (trimmed.StartsWith("- ", StringComparison.Ordinal) && lastKey is not null)
            {
                if (string.Equals(lastKey, "tools", StringComparison.OrdinalIgnoreCase))
                {
                    matter.Tools.AddRange(ListItems(trimmed[2..]));
                }

                continue;
            }

            if (char.IsWhiteSpace(line[0]) && lastKey is not null)
            {
                var (value, at) = matter.Fields[lastKey];
                matter.Fields[lastKey] = (value.Length == 0 ? trimmed : value + " " + trimmed, at);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? line[..colon].Trim() : "";
            if (key.Length == 0 || key.Any(char.IsWhiteSpace))
            {
                return (null, Warn(display, number, $"expected 'key: value' in the front matter, found '{Shorten(trimmed)}'"));
            }

            if (matter.Fields.ContainsKey(key))
            {
                return (null, Warn(display, number, $"'{Shorten(key)}' is given twice"));
            }

            var raw = WithoutComment(line[(colon + 1)..].Trim());
            var scalar = raw is "|" or ">" or "|-" or ">-" ? "" : Unquote(raw);
            matter.Fields[key] = (scalar, number);
            lastKey = key;
            if (string.Equals(key, "tools", StringComparison.OrdinalIgnoreCase))
            {
                matter.Tools.AddRange(ListItems(scalar));
            }
        }

        return (null, Warn(display, lines.Length, "the front matter is not closed by a '---' line"));
    }

    /// <summary>The names in <c>Read, Grep</c>, <c>[Read, "Grep"]</c> or one <c>- Read</c> item.</summary>
    private static IEnumerable<string> ListItems(string value) =>
        value.Trim().TrimStart('[').TrimEnd(']').Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Unquote).Where(v => v.Length > 0);

    /// <summary>An unquoted value ends at a YAML comment (<c> #</c>).</summary>
    private static string WithoutComment(string value)
    {
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return value.StartsWith('"') || value.StartsWith('\'') || hash < 0 ? value : value[..hash].TrimEnd();
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'')
            ? value[1..^1].Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal)
            : value;

    private static string Shorten(string text)
    {
        var line = TextBorder.Reveal(text).ReplaceLineEndings(" ");
        return line.Length <= 60 ? line : line[..60] + "...";
    }

    private static string Warn(string display, int line, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"agent file {display}:{line}: {what}; the agent is skipped.");

    private static (AgentDefinition?, string?) Fail(string display, int line, string what) => (null, Warn(display, line, what));

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
