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
        if (IsEmojiLetter(c.Text, start, end))
        {
            return; // #21: ℹ️ (U+2139 U+FE0F) is an emoji, not the letter i
        }

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

        var inCode = c.ContextAt(p) == LexState.Code;
        if (mixedAt >= 0 && !(allowedCjk && CjkCombinationAllowed(token)))
        {
            // #21: an identifier in code is medium only when a letter of one script is confusable with the other (its
            // UTS #39 skeleton is ASCII: Greek Α or ο among Latin letters), so "Δt" stays low; a word in a comment, string
            // or prose is medium only when it looks entirely like ASCII (pаypаl), so "μm" or "kΩ" in a string stays low.
            var lookAlike = inCode ? LookAlike(token) : -1;
            var loud = inCode ? lookAlike >= 0 : System.Text.Ascii.IsValid(ConfusableRule.Skeleton(token));
            if (lookAlike >= 0)
            {
                mixedAt = start + lookAlike;
                mixedCp = Utf8Text.Next(c.Text, mixedAt, out _);
            }

            var word = Encoding.UTF8.GetString(token);
            var column = c.Column(mixedAt);
            c.Findings.Add(new TextFinding(c.Line, column, mixedCp, TextCategory.MixedScript, loud ? Severity.Medium : Severity.Low,
                inCode ? "mixed-script-identifier" : "mixed-script-word",
                $"\"{SafeText.Clip(word)}\" {c.Where(p)} mixes {UnicodeData.ScriptName(firstScript)} and {UnicodeData.ScriptName(mixedScript)} letters"
                    + (loud ? ": a letter looks like one of the other script, a homoglyph name (CVE-2021-42694)" : " (none looks like a letter of the other)"),
                mixedAt, Utf8Text.Next(c.Text, mixedAt, out var l) >= 0 ? l : 1, FixAction.None));
        }

        if (inCode || (c.IsProse && Utf8Text.CountCodePoints(token) > 1))
        {
            // #21: in prose a one-letter word ("ﬁ matches fi", an alphabet "А Б В") is an example, not a disguised name.
            _confusables.Record(ref c, start, end, requireAsciiSkeleton: c.IsProse);
        }
    }

    /// <summary>The offset of the first letter, neither ASCII nor Latin, whose skeleton is ASCII (it looks like a Latin letter, UTS #39), or -1.</summary>
    private static int LookAlike(ReadOnlySpan<byte> token)
    {
        Span<char> initial = stackalloc char[16];
        var q = 0;
        while (q < token.Length)
        {
            var at = q;
            var cp = Utf8Text.Next(token, q, out var len);
            q += Math.Max(1, len);
            if (cp < 0x80 || (UnicodeData.Flags(cp) & UnicodeData.Confusable) == 0)
            {
                continue;
            }

            var script = UnicodeData.ScriptIndex(cp);
            if (script == Scripts.Latin || script == Scripts.Common || script == Scripts.Inherited)
            {
                continue;
            }

            var builder = new ValueBuilder(initial);
            UnicodeData.AppendSkeleton(cp, ref builder);
            var skeleton = builder.AsSpan();
            var ascii = skeleton.Length > 0 && System.Text.Ascii.IsValid(skeleton) && !skeleton.ContainsAnyExceptInRange(' ', '~');
            builder.Dispose();
            if (ascii)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>A single letter that is also an emoji, followed by VS16 (ℹ️): an emoji presentation sequence, not a word.</summary>
    private static bool IsEmojiLetter(ReadOnlySpan<byte> text, int start, int end)
    {
        var cp = Utf8Text.Next(text, start, out var len);
        return start + len == end && cp >= 0x80 && (UnicodeData.Flags(cp) & UnicodeData.Emoji) != 0
            && Utf8Text.Next(text, end, out _) == 0xFE0F;
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
