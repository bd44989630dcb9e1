using System.Buffers;
using System.Globalization;
using System.Text;

namespace Sov.Cli.Terminal;

/// <summary>
/// Terminal safety: no byte of model or tool output may reach the terminal as a control sequence. ESC
/// (so CSI, OSC 8 hyperlinks, OSC 52 clipboard writes), BEL, backspace, C1 controls, DEL and bidi
/// controls are shown as visible markers such as <c>⟦ESC⟧</c>; tab and newline pass.
/// (Pinned attack: OSC 52 in model output silently writing the clipboard; ANSI in tool output hiding text.)
/// </summary>
public static class TerminalSafe
{
    private static readonly SearchValues<char> Dangerous = SearchValues.Create(BuildDangerous());

    public static string Reveal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(Dangerous);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue; // CRLF is a line ending, not a cursor move
            }

            if (Dangerous.Contains(c))
            {
                sb.Append('⟦').Append(Name(c)).Append('⟧');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string Name(char c) => c switch
    {
        '\e' => "ESC",
        '\a' => "BEL",
        '\b' => "BS",
        '\r' => "CR",
        '\f' => "FF",
        '\v' => "VT",
        '\0' => "NUL",
        '\u007f' => "DEL",
        '\u009b' => "CSI",
        '\u009d' => "OSC",
        '\u202a' => "U+202A LRE",
        '\u202b' => "U+202B RLE",
        '\u202c' => "U+202C PDF",
        '\u202d' => "U+202D LRO",
        '\u202e' => "U+202E RLO",
        '\u2066' => "U+2066 LRI",
        '\u2067' => "U+2067 RLI",
        '\u2068' => "U+2068 FSI",
        '\u2069' => "U+2069 PDI",
        _ => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
    };

    private static string BuildDangerous()
    {
        var sb = new StringBuilder();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n'))
            {
                sb.Append(c);
            }
        }

        for (var c = '\u007f'; c <= '\u009f'; c++)
        {
            sb.Append(c);
        }

        sb.Append("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069");
        return sb.ToString();
    }
}
