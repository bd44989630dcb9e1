namespace Sov.Core.Secrets;

/// <summary>
/// Whether a value is worth remembering as a secret: long enough and varied enough that redacting it, and
/// its encodings, everywhere later cannot hit ordinary text. Words (<c>password</c>, <c>production</c>),
/// numbers, booleans, paths, URLs, shell and template references and placeholders are not remembered. A value
/// vouched for by where it stands (<c>DB_PASSWORD=supersecret</c> in <c>.env</c>) may be one plain word of 10 or
/// more characters; any other needs two kinds of character (lower, upper, digit, other) or 20 characters.
/// </summary>
internal static class SecretValue
{
    public const int MinLength = 8;
    public const int MaxLength = 4096;

    private static readonly System.Buffers.SearchValues<char> WordsAndSeparators =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz./-_");

    private static readonly string[] Placeholders = ["your", "example", "changeme", "xxxx", "placeholder", "redacted", "dummy"];

    public static bool IsWorthRemembering(ReadOnlySpan<char> value, bool vouched = false)
    {
        if (value.Length is < MinLength or > MaxLength
            || value.StartsWith("[REDACTED:", StringComparison.Ordinal)
            || value.StartsWith("-----", StringComparison.Ordinal)
            || value[0] is '/' or '~' or '$' or '<' or '{' or '.'
            || value.Contains("://", StringComparison.Ordinal)
            || value.ContainsAny(" \t\n\r"))
        {
            return false;
        }

        foreach (var p in Placeholders)
        {
            if (value.Contains(p, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in value)
        {
            lower |= char.IsAsciiLetterLower(c);
            upper |= char.IsAsciiLetterUpper(c);
            digit |= char.IsAsciiDigit(c);
            other |= !char.IsAsciiLetterOrDigit(c);
        }

        if (!vouched && !upper && !digit && !value.ContainsAnyExcept(WordsAndSeparators))
        {
            return false; // keys/signing, login.corp.io, read-only: paths, hosts and words
        }

        var classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (digit && classes == 1)
        {
            return value.Length >= 16;
        }

        return (classes >= 2 || value.Length >= (vouched ? 10 : 20)) && Entropy.BitsPerChar(value) >= (vouched ? 2.0 : 2.5);
    }
}
