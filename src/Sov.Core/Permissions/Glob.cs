namespace Sov.Core.Permissions;

/// <summary>
/// Glob matching without regular expressions (no backtracking blow-up, no cap on input length).
/// Path globs: <c>*</c> and <c>?</c> stay within one path component, <c>**</c> crosses components and
/// <c>**/</c> also matches no folder at all. Text globs (shell rules): <c>*</c> matches any text.
/// </summary>
public static class Glob
{
    public static bool MatchPath(string pattern, string path) => Match(pattern, path, pathMode: true);

    public static bool MatchText(string pattern, string text) => Match(pattern, text, pathMode: false);

    private static bool Match(string pattern, string text, bool pathMode)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);

        // reachable[j]: the pattern prefix consumed so far can match text[..j].
        var reachable = new bool[text.Length + 1];
        reachable[0] = true;
        var p = 0;
        while (p < pattern.Length)
        {
            var next = new bool[text.Length + 1];
            var c = pattern[p];
            if (c == '*' && pathMode && p + 1 < pattern.Length && pattern[p + 1] == '*')
            {
                var slashAfter = p + 2 < pattern.Length && pattern[p + 2] == '/';
                for (var j = 0; j <= text.Length; j++)
                {
                    if (!reachable[j])
                    {
                        continue;
                    }

                    if (slashAfter)
                    {
                        // "**/" matches nothing, or any text ending in '/'.
                        next[j] = true;
                        for (var k = j; k < text.Length; k++)
                        {
                            if (text[k] == '/')
                            {
                                next[k + 1] = true;
                            }
                        }
                    }
                    else
                    {
                        for (var k = j; k <= text.Length; k++)
                        {
                            next[k] = true;
                        }
                    }
                }

                p += slashAfter ? 3 : 2;
            }
            else if (c == '*')
            {
                for (var j = 0; j <= text.Length; j++)
                {
                    if (!reachable[j])
                    {
                        continue;
                    }

                    next[j] = true;
                    for (var k = j; k < text.Length && !(pathMode && text[k] == '/'); k++)
                    {
                        next[k + 1] = true;
                    }
                }

                p++;
            }
            else
            {
                for (var j = 0; j < text.Length; j++)
                {
                    if (reachable[j] && (c == '?' ? !(pathMode && text[j] == '/') : text[j] == c))
                    {
                        next[j + 1] = true;
                    }
                }

                p++;
            }

            reachable = next;
        }

        return reachable[text.Length];
    }
}
