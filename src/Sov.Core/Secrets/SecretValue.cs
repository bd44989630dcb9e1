namespace Sov.Core.Secrets;

/// <summary>
/// Whether a value is worth remembering as a secret: long enough and varied enough that redacting it, and
/// its encodings, everywhere later cannot hit ordinary text. Words (<c>password</c>, <c>production</c>),
/// numbers, booleans, paths, URLs, shell and template references and placeholders are not remembered.
/// </summary>
internal static class SecretValue
{
    public const int MinLength = 8;
    public const int MaxLength = 4096;

    private static readonly string[] Placeholders = ["your", "example", "changeme", "xxxx", "placeholder", "redacted", "dummy"];

    public static bool IsWorthRemembering(ReadOnlySpan<char> value)
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

        var classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (digit && classes == 1)
        {
            return value.Length >= 16;
        }

        return (classes >= 2 || value.Length >= 20) && Entropy.BitsPerChar(value) >= 2.5;
    }
}
