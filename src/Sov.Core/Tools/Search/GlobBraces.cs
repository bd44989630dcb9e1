namespace Sov.Core.Tools.Search;

/// <summary>
/// Expands <c>{a,b}</c> alternatives (nested too) into the plain patterns they stand for: <c>src/{a,b}.cs</c> is
/// <c>src/a.cs</c> and <c>src/b.cs</c>. An unclosed brace is a literal character. More than <see cref="Max"/>
/// patterns is refused, so a pattern from outside cannot make matching take exponential work.
/// </summary>
internal static class GlobBraces
{
    public const int Max = 1024;

    public static IReadOnlyList<string> Expand(string pattern)
    {
        var open = pattern.IndexOf('{', StringComparison.Ordinal);
        var close = open < 0 ? -1 : Closing(pattern, open);
        if (close < 0)
        {
            return [pattern];
        }

        var head = pattern[..open];
        var results = new List<string>();
        foreach (var choice in Split(pattern[(open + 1)..close]))
        {
            foreach (var rest in Expand(choice + pattern[(close + 1)..]))
            {
                results.Add(head + rest);
                if (results.Count > Max)
                {
                    throw new FormatException($"the pattern stands for more than {Max} alternatives; use fewer {{a,b}} groups");
                }
            }
        }

        return results;
    }

    /// <summary>Where the brace at <paramref name="open"/> closes, or -1.</summary>
    private static int Closing(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The alternatives between a pair of braces: split at top-level commas.</summary>
    private static List<string> Split(string body)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            depth += body[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (body[i] == ',' && depth == 0)
            {
                parts.Add(body[start..i]);
                start = i + 1;
            }
        }

        parts.Add(body[start..]);
        return parts;
    }
}
