namespace Sov.Core.Skills;

/// <summary>
/// The front matter of a <c>SKILL.md</c>, in the shape Claude Code uses: a block between two <c>---</c> lines at the
/// top, one <c>key: value</c> per line (a value may be quoted; a line indented under a key continues it), then the
/// body. Only <c>name</c> and <c>description</c> are used; other keys (<c>allowed-tools</c> among them) are read and
/// ignored: a skill is instructions, never permissions. <see cref="Problem"/> is what is wrong, with its 1-based line.
/// </summary>
public sealed record SkillFrontMatter(string? Name, string? Description, int BodyLine, string Body)
{
    /// <summary>What is wrong with the front matter and on which line, or null when it is well formed.</summary>
    public (int Line, string Message)? Problem { get; init; }

    public static SkillFrontMatter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return new SkillFrontMatter(null, null, 1, text) { Problem = (1, "no front matter: the file must start with a '---' line, then 'name:' and 'description:', then '---'") };
        }

        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        string? last = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimEnd() == "---")
            {
                var body = string.Join('\n', lines.Skip(i + 1));
                return Finish(values, i + 1, i + 2, body);
            }

            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && last is not null)
            {
                var (value, at) = values[last];
                values[last] = ((value + " " + line.Trim()).Trim(), at);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return new SkillFrontMatter(null, null, 1, text) { Problem = (i + 1, $"'{Shorten(line)}' is not a 'key: value' line") };
            }

            last = line[..colon].Trim();
            var raw = line[(colon + 1)..].Trim();
            values[last] = (raw is ">" or "|" or ">-" or "|-" ? "" : Unquote(raw), i + 1);
        }

        return new SkillFrontMatter(null, null, 1, text) { Problem = (1, "the front matter is not closed: add a '---' line after 'description:'") };
    }

    private static SkillFrontMatter Finish(Dictionary<string, (string Value, int Line)> values, int closingLine, int bodyLine, string body)
    {
        var name = values.TryGetValue("name", out var n) ? n.Value : null;
        var description = values.TryGetValue("description", out var d) ? d.Value : null;
        var matter = new SkillFrontMatter(name, description, bodyLine, body);
        if (string.IsNullOrEmpty(name))
        {
            return matter with { Problem = (n.Line > 0 ? n.Line : closingLine, "'name:' is missing or empty") };
        }

        if (!SkillName.IsValid(name))
        {
            return matter with { Problem = (n.Line, $"name '{Shorten(name)}' is not valid ({SkillName.Rule})") };
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            return matter with { Problem = (d.Line > 0 ? d.Line : closingLine, "'description:' is missing or empty (the model chooses skills by it)") };
        }

        return matter;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\''))
            ? value[1..^1].Replace(value[0] == '"' ? "\\\"" : "''", value[0] == '"' ? "\"" : "'", StringComparison.Ordinal)
            : value;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
