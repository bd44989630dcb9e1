namespace Sov.Core.Tools.Search;

/// <summary>
/// The one glob engine: the glob tool, grep's filter, permission rules and ignore files all match with it, each in
/// its <see cref="GlobSyntax"/>. Over '/'-separated relative paths <c>*</c> and <c>?</c> stay within one component,
/// <c>**</c> spans components, <c>**/</c> also matches no folder, <c>[abc]</c> is a class and <c>{a,b}</c> alternatives.
/// Matching runs the pattern as a set of states over the text, one pass, no regular expression and no backtracking:
/// time is bounded by the lengths of pattern and text, whatever either holds.
/// </summary>
public sealed class GlobPattern
{
    private readonly GlobStep[][] _alternatives;
    private readonly bool _components;

    /// <summary>
    /// A pattern of the glob tool (<see cref="GlobSyntax.Path"/>, relative to where it searches: a leading '/' is dropped);
    /// with <paramref name="matchBasenameWhenNoSlash"/> a pattern without '/' matches a name in any folder.
    /// </summary>
    public GlobPattern(string pattern, bool matchBasenameWhenNoSlash = false)
        : this(pattern, (pattern ?? "").TrimStart('/'), GlobSyntax.Path, matchBasenameWhenNoSlash && !(pattern ?? "").Contains('/', StringComparison.Ordinal))
    {
    }

    /// <summary>
    /// Compiles <paramref name="pattern"/> as it is (a rule's <c>/etc/**</c> stays absolute). Throws
    /// <see cref="FormatException"/> when braces stand for too many patterns or a class range runs backwards.
    /// </summary>
    public GlobPattern(string pattern, GlobSyntax syntax)
        : this(pattern, pattern, syntax, anywhere: false)
    {
    }

    private GlobPattern(string pattern, string body, GlobSyntax syntax, bool anywhere)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        _components = syntax.HasFlag(GlobSyntax.Components);
        var expanded = syntax.HasFlag(GlobSyntax.Braces) ? GlobBraces.Expand(body) : [body];
        _alternatives = expanded.Select(p => Compile(p, syntax, anywhere)).ToArray();
    }

    public string Pattern { get; }

    /// <summary>A pattern the model gave a tool, matching names in any folder when it has no '/'; a bad one is a <see cref="ToolException"/> the model reads.</summary>
    internal static GlobPattern FromModel(string pattern)
    {
        try
        {
            return new GlobPattern(pattern, matchBasenameWhenNoSlash: true);
        }
        catch (FormatException e)
        {
            throw new ToolException($"Invalid glob '{pattern}': {e.Message}.");
        }
    }

    public bool IsMatch(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var steps in _alternatives)
        {
            if (Run(steps, path))
            {
                return true;
            }
        }

        return false;
    }

    private static GlobStep[] Compile(string pattern, GlobSyntax syntax, bool anywhere)
    {
        var steps = new List<GlobStep>();
        if (anywhere)
        {
            steps.Add(new GlobStep(GlobOp.DeepFolders));
        }

        var components = syntax.HasFlag(GlobSyntax.Components);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && components && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var folders = i + 2 < pattern.Length && pattern[i + 2] == '/';
                steps.Add(new GlobStep(folders ? GlobOp.DeepFolders : GlobOp.DeepStar));
                i += folders ? 2 : 1;
            }
            else if (c == '*')
            {
                steps.Add(new GlobStep(GlobOp.Star));
            }
            else if (c == '?')
            {
                steps.Add(new GlobStep(GlobOp.One));
            }
            else if (c == '[' && syntax.HasFlag(GlobSyntax.Classes) && GlobClass.Read(pattern, i, syntax.HasFlag(GlobSyntax.Escapes)) is { } cls)
            {
                steps.Add(cls.Step);
                i = cls.End;
            }
            else if (c == '\\' && syntax.HasFlag(GlobSyntax.Escapes) && i + 1 < pattern.Length)
            {
                steps.Add(new GlobStep(GlobOp.Char, pattern[++i]));
            }
            else
            {
                steps.Add(new GlobStep(GlobOp.Char, c));
            }
        }

        return [.. steps];
    }

    /// <summary>
    /// Runs the steps over <paramref name="text"/>: <c>at[i]</c> means the text so far can be matched by the first
    /// <c>i</c> steps; <c>inside[i]</c> that step <c>i</c> (a <c>**/</c>) has taken characters and waits for a '/'.
    /// </summary>
    private bool Run(GlobStep[] steps, string text)
    {
        var n = steps.Length;
        Span<bool> buffer = n <= 128 ? stackalloc bool[(4 * n) + 2] : new bool[(4 * n) + 2];
        var at = buffer[..(n + 1)];
        var nextAt = buffer.Slice(n + 1, n + 1);
        var inside = buffer.Slice((2 * n) + 2, n);
        var nextInside = buffer.Slice((3 * n) + 2, n);
        at[0] = true;
        Close(steps, at);
        foreach (var c in text)
        {
            nextAt.Clear();
            nextInside.Clear();
            var any = false;
            var separator = _components && c == '/';
            for (var i = 0; i < n; i++)
            {
                var step = steps[i];
                if (step.Op == GlobOp.DeepFolders && (at[i] || inside[i]))
                {
                    nextInside[i] = true;
                    nextAt[i + 1] |= c == '/';
                    any = true;
                    continue;
                }

                if (!at[i])
                {
                    continue;
                }

                switch (step.Op)
                {
                    case GlobOp.Char when step.Char == c:
                    case GlobOp.One when !separator:
                    case GlobOp.Class when !separator && step.ClassHas(c):
                        nextAt[i + 1] = true;
                        any = true;
                        break;
                    case GlobOp.Star when !separator:
                    case GlobOp.DeepStar:
                        nextAt[i] = true;
                        any = true;
                        break;
                }
            }

            if (!any)
            {
                return false;
            }

            var swap = at;
            at = nextAt;
            nextAt = swap;
            swap = inside;
            inside = nextInside;
            nextInside = swap;
            Close(steps, at);
        }

        return at[n];
    }

    /// <summary>Steps that match nothing pass the state on: <c>*</c>, <c>**</c> and <c>**/</c>.</summary>
    private static void Close(GlobStep[] steps, Span<bool> at)
    {
        for (var i = 0; i < steps.Length; i++)
        {
            if (at[i] && steps[i].Op is GlobOp.Star or GlobOp.DeepStar or GlobOp.DeepFolders)
            {
                at[i + 1] = true;
            }
        }
    }
}
