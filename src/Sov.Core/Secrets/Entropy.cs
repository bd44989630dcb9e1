namespace Sov.Core.Secrets;

/// <summary>Shannon entropy in bits per character: how random a value looks.</summary>
public static class Entropy
{
    public static double BitsPerChar(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        double bits = 0;
        foreach (var n in counts.Values)
        {
            var p = (double)n / value.Length;
            bits -= p * Math.Log2(p);
        }

        return bits;
    }

    /// <summary>
    /// Random enough to be a secret rather than a word, a number or a placeholder: at least 12 characters,
    /// at least 3.0 bits per character, not only lower-case words (<c>your-api-key-here</c>), and with a
    /// digit in it unless it is 20 characters or longer.
    /// </summary>
    public static bool LooksSecret(ReadOnlySpan<char> value)
    {
        if (value.Length < 12 || BitsPerChar(value) < 3.0)
        {
            return false;
        }

        bool digit = false, other = false;
        foreach (var c in value)
        {
            digit |= char.IsAsciiDigit(c);
            other |= !(char.IsAsciiLetterLower(c) || c is '-' or '_' or '.');
        }

        return other && (digit || value.Length >= 20);
    }
}
