using System.Text;

namespace Sov.Core.Permissions.Shell;

/// <summary>Finds where a bracketed or backticked part of a command ends, the way bash would.</summary>
internal static class ShellBrackets
{
    /// <summary>The index of the bracket closing one opened just before <paramref name="from"/>, skipping
    /// escapes and single-quoted text; -1 when it is never closed.</summary>
    public static int FindClose(string source, int from, char open, char close)
    {
        var level = 1;
        var j = from;
        while (j < source.Length)
        {
            var c = source[j];
            if (c == '\\')
            {
                j += 2;
                continue;
            }

            if (c == '\'')
            {
                var q = source.IndexOf('\'', j + 1);
                j = q < 0 ? source.Length : q + 1;
                continue;
            }

            if (c == open)
            {
                level++;
            }
            else if (c == close && --level == 0)
            {
                return j;
            }

            j++;
        }

        return -1;
    }

    /// <summary>The command inside backticks opening at <paramref name="start"/>, with backslash escapes
    /// removed; <paramref name="end"/> is the closing backtick's index, or the source's length if none.</summary>
    public static string Backticks(string source, int start, out int end)
    {
        var j = start + 1;
        var inner = new StringBuilder();
        while (j < source.Length && source[j] != '`')
        {
            if (source[j] == '\\' && j + 1 < source.Length)
            {
                inner.Append(source[j + 1]);
                j += 2;
                continue;
            }

            inner.Append(source[j]);
            j++;
        }

        end = j;
        return inner.ToString();
    }
}
