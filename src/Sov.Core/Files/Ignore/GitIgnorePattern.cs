using System.Text;
using System.Text.RegularExpressions;

namespace Sov.Core.Files.Ignore;

/// <summary>
/// One .gitignore line compiled to a regular expression: <c>!</c> negates, a trailing <c>/</c> matches only
/// directories, a slash elsewhere anchors the pattern to the .gitignore's folder, <c>*</c> and <c>?</c> stay
/// inside a path component, <c>**</c> crosses components, <c>[...]</c> is a class.
/// </summary>
internal sealed class GitIgnorePattern
{
    private readonly Regex? _regex;
    private readonly string? _literal;
    private readonly string? _suffix;

    private GitIgnorePattern(Regex? regex, string? literal, string? suffix, bool anchored, bool negated, bool directoryOnly)
    {
        _regex = regex;
        _literal = literal;
        _suffix = suffix;
        Anchored = anchored;
        Negated = negated;
        DirectoryOnly = directoryOnly;
    }

    public bool Negated { get; }

    public bool DirectoryOnly { get; }

    /// <summary>Anchored patterns match the path relative to the .gitignore's folder; the others only the entry's own name.</summary>
    public bool Anchored { get; }

    /// <summary>
    /// Does the pattern match? <paramref name="subject"/> is the '/'-separated path relative to the .gitignore's
    /// folder when <see cref="Anchored"/>, else the entry's name (the walker checks every ancestor on the way down).
    /// Literal names and <c>*.ext</c> are compared directly; only real globs use the regular expression.
    /// </summary>
    public bool Matches(string subject, bool isDirectory)
    {
        if (DirectoryOnly && !isDirectory)
        {
            return false;
        }

        if (_literal is not null)
        {
            return string.Equals(subject, _literal, StringComparison.Ordinal);
        }

        if (_suffix is not null)
        {
            return subject.EndsWith(_suffix, StringComparison.Ordinal);
        }

        return _regex!.IsMatch(subject);
    }

    public static GitIgnorePattern? Parse(string line)
    {
        var text = line.TrimEnd('\r');
        while (text.EndsWith(' ') && !text.EndsWith("\\ ", StringComparison.Ordinal))
        {
            text = text[..^1];
        }

        if (text.Length == 0 || text[0] == '#')
        {
            return null;
        }

        var negated = false;
        if (text[0] == '!')
        {
            negated = true;
            text = text[1..];
        }
        else if (text.StartsWith("\\!", StringComparison.Ordinal) || text.StartsWith("\\#", StringComparison.Ordinal))
        {
            text = text[1..];
        }

        var directoryOnly = text.EndsWith('/');
        text = text.TrimEnd('/');
        if (text.Length == 0)
        {
            return null;
        }

        var anchored = text.Contains('/', StringComparison.Ordinal);
        text = text.TrimStart('/');
        if (text.AsSpan().IndexOfAny("*?[\\") < 0)
        {
            return new GitIgnorePattern(null, text, null, anchored, negated, directoryOnly);
        }

        if (!anchored && text[0] == '*' && text.AsSpan(1).IndexOfAny("*?[\\") < 0)
        {
            return new GitIgnorePattern(null, null, text[1..], anchored, negated, directoryOnly);
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var slashAfter = i + 2 < text.Length && text[i + 2] == '/';
                if (slashAfter)
                {
                    regex.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    regex.Append(".*");
                    i += 1;
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '[')
            {
                var close = text.IndexOf(']', i + 1);
                if (close < 0)
                {
                    regex.Append("\\[");
                    continue;
                }

                var body = text[(i + 1)..close];
                if (body.StartsWith('!'))
                {
                    body = "^" + body[1..];
                }

                regex.Append('[').Append(body.Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
                i = close;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                regex.Append(Regex.Escape(text[i + 1].ToString()));
                i++;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append('$');
        try
        {
            // Non-backtracking: a hostile .gitignore line such as *a*a*a*a*a*a*b cannot make matching take exponential time.
            var compiled = new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking);
            return new GitIgnorePattern(compiled, null, null, anchored, negated, directoryOnly);
        }
        catch (ArgumentException)
        {
            return null; // a malformed class: git ignores such lines too
        }
    }
}
