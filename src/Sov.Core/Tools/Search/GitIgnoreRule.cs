using System.Text.RegularExpressions;

namespace Sov.Core.Tools.Search;

/// <summary>One line of a .gitignore, relative to the folder holding it.</summary>
internal sealed record GitIgnoreRule(string BaseDir, Regex Regex, bool Negated, bool DirectoryOnly)
{
    public static GitIgnoreRule? Parse(string baseDir, string line)
    {
        var text = line.TrimEnd();
        if (text.Length == 0 || text.StartsWith('#'))
        {
            return null;
        }

        var negated = text.StartsWith('!');
        if (negated)
        {
            text = text[1..];
        }

        if (text.StartsWith('\\'))
        {
            text = text[1..];
        }

        var directoryOnly = text.EndsWith('/');
        text = text.TrimEnd('/');
        if (text.Length == 0)
        {
            return null;
        }

        // A slash at the start or in the middle anchors the pattern to this folder; otherwise it matches at any depth.
        var anchored = text.Contains('/', StringComparison.Ordinal);
        var body = GlobPattern.ToRegex(text.TrimStart('/'));
        var regex = new Regex(
            (anchored ? "^" : "^(?:.*/)?") + body + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline,
            TimeSpan.FromSeconds(1));
        return new GitIgnoreRule(baseDir, regex, negated, directoryOnly);
    }
}
