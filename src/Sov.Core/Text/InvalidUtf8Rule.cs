using System.Text;

namespace Sov.Core.Text;

/// <summary>Bytes that are not valid UTF-8: overlong encodings and encoded surrogates (which lenient decoders accept) are high, the rest medium.</summary>
internal static class InvalidUtf8Rule
{
    public static int Check(ref ScanCursor c, int p)
    {
        var b0 = c.Text[p];
        var b1 = p + 1 < c.Text.Length ? c.Text[p + 1] : 0;
        var b2 = p + 2 < c.Text.Length ? c.Text[p + 2] : 0;
        var b3 = p + 3 < c.Text.Length ? c.Text[p + 3] : 0;
        static bool Cont(int b) => (b & 0xC0) == 0x80;
        int length, value;
        string rule;
        if (b0 is 0xC0 or 0xC1 && Cont(b1))
        {
            (length, value, rule) = (2, ((b0 & 0x1F) << 6) | (b1 & 0x3F), "overlong-utf8");
        }
        else if (b0 == 0xE0 && b1 is >= 0x80 and <= 0x9F && Cont(b2))
        {
            (length, value, rule) = (3, ((b1 & 0x3F) << 6) | (b2 & 0x3F), "overlong-utf8");
        }
        else if (b0 == 0xF0 && b1 is >= 0x80 and <= 0x8F && Cont(b2) && Cont(b3))
        {
            (length, value, rule) = (4, ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F), "overlong-utf8");
        }
        else if (b0 == 0xED && b1 is >= 0xA0 and <= 0xBF && Cont(b2))
        {
            (length, value, rule) = (3, 0xD000 | ((b1 & 0x3F) << 6) | (b2 & 0x3F), "surrogate-utf8");
        }
        else
        {
            _ = Rune.DecodeFromUtf8(c.Text[p..], out _, out length);
            (length, value, rule) = (Math.Max(1, length), 0xFFFD, "invalid-utf8");
        }

        var bytes = Convert.ToHexString(c.Text.Slice(p, length));
        if (rule == "overlong-utf8")
        {
            c.Add(p, length, value, TextCategory.InvalidUtf8, Severity.High, rule,
                $"overlong UTF-8 encoding (0x{bytes}) of {CodePoints.Format(value)}: decoders that accept it see a different character than filters do",
                FixAction.ReplacementCharacter);
        }
        else if (rule == "surrogate-utf8")
        {
            c.Add(p, length, value, TextCategory.InvalidUtf8, Severity.High, rule,
                $"UTF-8 encoded surrogate {CodePoints.Format(value)} (0x{bytes}) is not valid UTF-8", FixAction.ReplacementCharacter);
        }
        else
        {
            c.Add(p, length, 0xFFFD, TextCategory.InvalidUtf8, Severity.Medium, rule,
                $"invalid UTF-8 byte sequence 0x{bytes}", FixAction.ReplacementCharacter);
        }

        return p + length;
    }
}
