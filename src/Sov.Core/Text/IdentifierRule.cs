using System.Text;

namespace Sov.Core.Text;

/// <summary>
/// Identifiers: mixed scripts in one word (TR39 "highly restrictive", so Latin with Han/Kana/Hangul/Bopomofo
/// is fine); in code (and ASCII-looking words in prose) the word's skeleton goes to <see cref="ConfusableRule"/>.
/// </summary>
internal struct IdentifierRule
{
    private ConfusableRule _confusables;

    /// <summary>Where the last word looked at ends: the bytes of one word are evaluated once.</summary>
    public int TokenEnd { get; private set; }

    /// <summary>After the scan: non-ASCII identifiers whose skeleton matches an ASCII one elsewhere in the text.</summary>
    public readonly void Finish(ref ScanCursor c) => _confusables.CheckCollisions(ref c);

    /// <summary>Looks at the word around <paramref name="p"/>: mixed scripts, and (in code or prose) its skeleton.</summary>
    public void Check(ref ScanCursor c, int p)
    {
        var start = p;
        while (true)
        {
            var cp = Utf8Text.Previous(c.Text, start, out var len);
            if (!ScanCursor.IsWordChar(cp))
            {
                break;
            }

            start -= len;
        }

        var end = p;
        while (true)
        {
            var cp = Utf8Text.Next(c.Text, end, out var len);
            if (!ScanCursor.IsWordChar(cp))
            {
                break;
            }

            end += len;
        }

        TokenEnd = end;
        start = SkipEscapePrefix(ref c, start, end);
        var token = c.Text[start..end];
        var firstScript = 0;
        var mixedAt = -1;
        var mixedCp = 0;
        var mixedScript = 0;
        var allowedCjk = true;
        var q = 0;
        while (q < token.Length)
        {
            var cp = Utf8Text.Next(token, q, out var len);
            var script = cp < 0x80 ? (char.IsAsciiLetter((char)cp) ? Scripts.Latin : Scripts.Common) : UnicodeData.ScriptIndex(cp);
            if (script != Scripts.Common && script != Scripts.Inherited && script != 0)
            {
                allowedCjk &= script == Scripts.Latin || script == Scripts.Han || script == Scripts.Hiragana
                    || script == Scripts.Katakana || script == Scripts.Hangul || script == Scripts.Bopomofo;
                if (firstScript == 0)
                {
                    firstScript = script;
                }
                else if (script != firstScript && mixedAt < 0)
                {
                    (mixedAt, mixedCp, mixedScript) = (start + q, cp, script);
                }
            }

            q += Math.Max(1, len);
        }

        var inCode = c.Options.Kind != SourceKind.Prose && c.LexAt(p) == LexState.Code;
        if (mixedAt >= 0 && !(allowedCjk && CjkCombinationAllowed(token)))
        {
            // An identifier in code is medium; a word in a comment, string or prose is medium only when it looks
            // entirely like ASCII (pаypаl), so "μm" or "kΩ" in a string stays low.
            var loud = inCode || System.Text.Ascii.IsValid(ConfusableRule.Skeleton(token));
            var word = Encoding.UTF8.GetString(token);
            var column = c.Column(mixedAt);
            c.Findings.Add(new TextFinding(c.Line, column, mixedCp, TextCategory.MixedScript, loud ? Severity.Medium : Severity.Low,
                inCode ? "mixed-script-identifier" : "mixed-script-word",
                $"\"{SafeText.Clip(word)}\" mixes {UnicodeData.ScriptName(firstScript)} and {UnicodeData.ScriptName(mixedScript)} letters" + (loud ? ": a homoglyph name (CVE-2021-42694)" : string.Empty),
                mixedAt, Utf8Text.Next(c.Text, mixedAt, out var l) >= 0 ? l : 1, FixAction.None));
        }

        if (c.Options.Kind == SourceKind.Prose || inCode)
        {
            _confusables.Record(ref c, start, end, requireAsciiSkeleton: c.Options.Kind == SourceKind.Prose);
        }
    }

    /// <summary>A word right after a backslash starts with an escape (<c>\u0345ι</c>, <c>\nПривет</c>): skip the escape.</summary>
    private static int SkipEscapePrefix(ref ScanCursor c, int start, int end)
    {
        if (start == 0 || c.Text[start - 1] != '\\' || start >= end)
        {
            return start;
        }

        var letter = c.Text[start];
        var skip = letter switch
        {
            (byte)'u' => 5,
            (byte)'U' => 9,
            (byte)'x' => 3,
            _ => 1,
        };
        var limit = Math.Min(end, start + skip);
        var p = start + 1;
        while (p < limit && char.IsAsciiHexDigit((char)c.Text[p]))
        {
            p++;
        }

        return letter is (byte)'u' or (byte)'U' or (byte)'x' ? p : start + 1;
    }

    /// <summary>Latin may mix with Han+Kana, Han+Bopomofo or Han+Hangul, but Kana and Hangul do not mix with each other.</summary>
    private static bool CjkCombinationAllowed(ReadOnlySpan<byte> token)
    {
        bool kana = false, hangul = false, bopomofo = false;
        var q = 0;
        while (q < token.Length)
        {
            var cp = Utf8Text.Next(token, q, out var len);
            if (cp >= 0x80)
            {
                var s = UnicodeData.ScriptIndex(cp);
                kana |= s == Scripts.Hiragana || s == Scripts.Katakana;
                hangul |= s == Scripts.Hangul;
                bopomofo |= s == Scripts.Bopomofo;
            }

            q += Math.Max(1, len);
        }

        return (kana ? 1 : 0) + (hangul ? 1 : 0) + (bopomofo ? 1 : 0) <= 1;
    }
}
