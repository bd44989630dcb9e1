using Sov.Core.Tools.Search;

namespace Sov.Core.Files.Ignore;

/// <summary>
/// One .gitignore line, matched by the shared glob engine (<see cref="GlobPattern"/>, <see cref="GlobSyntax.GitIgnore"/>): <c>!</c> negates, a trailing <c>/</c> matches only
/// directories, a slash elsewhere anchors the pattern to the .gitignore's folder, <c>*</c> and <c>?</c> stay
/// inside a path component, <c>**</c> crosses components, <c>[...]</c> is a class.
/// </summary>
internal sealed class GitIgnorePattern
{
    private readonly GlobPattern? _glob;
    private readonly string? _literal;
    private readonly string? _suffix;

    private GitIgnorePattern(GlobPattern? glob, string? literal, string? suffix, bool anchored, bool negated, bool directoryOnly)
    {
        _glob = glob;
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
    /// Literal names and <c>*.ext</c> are compared directly; only real globs run the glob engine.
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

        return _glob!.IsMatch(subject);
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

        // The one glob engine in gitignore's syntax (no braces, backslash escapes); it never backtracks, so a hostile
        // line such as *a*a*a*a*a*a*b cannot make matching take exponential time.
        try
        {
            return new GitIgnorePattern(new GlobPattern(text, GlobSyntax.GitIgnore), null, null, anchored, negated, directoryOnly);
        }
        catch (FormatException)
        {
            return null; // a malformed class: git ignores such lines too
        }
    }
}
