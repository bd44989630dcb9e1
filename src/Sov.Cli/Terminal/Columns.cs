namespace Sov.Cli.Terminal;

/// <summary>
/// How many terminal columns text may take, counted generously: a tab as 8, every code point from U+1100
/// on (where wide scripts, emoji and ambiguous symbols begin) as 2, everything else as 1. Breaking a row
/// early only looks a little short; breaking it late would let the terminal wrap untrusted text to column 0.
/// </summary>
public static class Columns
{
    public static int Of(int codePoint) => codePoint switch
    {
        '\t' => 8,
        >= 0x1100 => 2,
        _ => 1,
    };

    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var n = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            n += Of(rune.Value);
        }

        return n;
    }

    /// <summary>At most <paramref name="columns"/> columns of <paramref name="text"/>, with "…" when cut.</summary>
    public static string Clip(string text, int columns)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Of(text) <= columns)
        {
            return text;
        }

        var used = 0;
        var sb = new System.Text.StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            used += Of(rune.Value);
            if (used > columns - 2) // room for the ellipsis, itself counted as 2
            {
                break;
            }

            sb.Append(rune.ToString());
        }

        return sb.Append('…').ToString();
    }
}
