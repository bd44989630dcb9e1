namespace Sov.Core.Permissions.Shell;

/// <summary>
/// Reads a sed script just far enough to find its <c>e</c> (execute), <c>w</c>/<c>W</c> (write file)
/// commands and the <c>e</c> and <c>w</c> flags of <c>s</c>. Anything it cannot follow counts as unsafe.
/// </summary>
public static class SedScript
{
    public static bool RunsOrWrites(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var i = 0;
        while (i < script.Length)
        {
            // Skip separators and the address (line numbers, $, /regex/, \cregexc, ranges, !).
            while (i < script.Length && (char.IsWhiteSpace(script[i]) || script[i] is ';' or '{' or '}' or '!' or ',' or '$' or '~' or '+'
                       || char.IsAsciiDigit(script[i])))
            {
                i++;
            }

            if (i < script.Length && (script[i] == '/' || script[i] == '\\'))
            {
                var delimiter = script[i] == '\\' ? (i + 1 < script.Length ? script[i + 1] : '/') : '/';
                i = SkipDelimited(script, script[i] == '\\' ? i + 2 : i + 1, delimiter);
                if (i < 0)
                {
                    return true;
                }

                while (i < script.Length && script[i] is 'I' or 'M')
                {
                    i++;
                }

                continue;
            }

            if (i >= script.Length)
            {
                return false;
            }

            var command = script[i];
            switch (command)
            {
                case 'e' or 'w' or 'W':
                    return true;
                case 's' or 'y':
                    {
                        if (i + 1 >= script.Length)
                        {
                            return true;
                        }

                        var delimiter = script[i + 1];
                        var afterPattern = SkipDelimited(script, i + 2, delimiter);
                        var afterReplacement = afterPattern < 0 ? -1 : SkipDelimited(script, afterPattern, delimiter);
                        if (afterReplacement < 0)
                        {
                            return true;
                        }

                        i = afterReplacement;
                        while (i < script.Length && script[i] is not (';' or '\n' or '}'))
                        {
                            if (command == 's' && script[i] is 'e' or 'w' or 'W')
                            {
                                return true;
                            }

                            i++;
                        }

                        break;
                    }

                case 'a' or 'i' or 'c' or 'r' or 'R' or 'b' or 't' or 'T' or ':' or 'q' or 'Q' or 'l' or 'L':
                    // Text, file name or label. Stopping at ';' as well as at the end of the line may
                    // read text as commands: that only ever refuses more, never less.
                    while (i < script.Length && script[i] is not (';' or '\n'))
                    {
                        i++;
                    }

                    break;
                default:
                    i++;
                    break;
            }
        }

        return false;
    }

    /// <summary>The index just after the closing <paramref name="delimiter"/>, or -1 when there is none.</summary>
    private static int SkipDelimited(string s, int from, char delimiter)
    {
        for (var j = from; j < s.Length; j++)
        {
            if (s[j] == '\\')
            {
                j++;
                continue;
            }

            if (s[j] == delimiter)
            {
                return j + 1;
            }
        }

        return -1;
    }
}
