using System.Text;

namespace Sov.Core.Text;

/// <summary>
/// Identifiers: mixed scripts in one word (TR39 "highly restrictive", so Latin with Han/Kana/Hangul/Bopomofo
/// is fine) and, in code, non-ASCII identifiers whose TR39 skeleton collides with another identifier in
/// the file (homoglyph identifiers, CVE-2021-42694).
/// </summary>
internal ref partial struct Utf8Scanner
{
    private void EvaluateToken(int p)
    {
        var start = p;
        while (true)
        {
            var cp = Utf8Text.Previous(_text, start, out var len);
            if (!IsWordChar(cp))
            {
                break;
            }

            start -= len;
        }

        var end = p;
        while (true)
        {
            var cp = Utf8Text.Next(_text, end, out var len);
            if (!IsWordChar(cp))
            {
                break;
            }

            end += len;
        }

        _tokenEnd = end;
        start = SkipEscapePrefix(start, end);
        var token = _text[start..end];
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

        var inCode = _options.Kind != SourceKind.Prose && _lexer.Advance(_text, p) == LexState.Code;
        if (mixedAt >= 0 && !(allowedCjk && CjkCombinationAllowed(token)))
        {
            // An identifier in code is medium; a word in a comment, string or prose is medium only when it looks
            // entirely like ASCII (pаypаl), so "μm" or "kΩ" in a string stays low.
            var loud = inCode || System.Text.Ascii.IsValid(Skeleton(token));
            var word = Encoding.UTF8.GetString(token);
            var column = Column(mixedAt);
            _findings.Add(new TextFinding(_line, column, mixedCp, TextCategory.MixedScript, loud ? Severity.Medium : Severity.Low,
                inCode ? "mixed-script-identifier" : "mixed-script-word",
                $"\"{SafeText.Clip(word)}\" mixes {UnicodeData.ScriptName(firstScript)} and {UnicodeData.ScriptName(mixedScript)} letters" + (loud ? ": a homoglyph name (CVE-2021-42694)" : string.Empty),
                mixedAt, Utf8Text.Next(_text, mixedAt, out var l) >= 0 ? l : 1, FixAction.None));
        }

        if (_options.Kind == SourceKind.Prose || inCode)
        {
            RecordIdentifier(start, end, requireAsciiSkeleton: _options.Kind == SourceKind.Prose);
        }
    }

    /// <summary>A word right after a backslash starts with an escape (<c>\u0345ι</c>, <c>\nПривет</c>): skip the escape.</summary>
    private readonly int SkipEscapePrefix(int start, int end)
    {
        if (start == 0 || _text[start - 1] != '\\' || start >= end)
        {
            return start;
        }

        var letter = _text[start];
        var skip = letter switch
        {
            (byte)'u' => 5,
            (byte)'U' => 9,
            (byte)'x' => 3,
            _ => 1,
        };
        var limit = Math.Min(end, start + skip);
        var p = start + 1;
        while (p < limit && char.IsAsciiHexDigit((char)_text[p]))
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

    /// <summary>
    /// In prose only words that look entirely like ASCII (every letter confusable with ASCII, such as Cyrillic
    /// "рор") are recorded, so ordinary non-Latin prose never collides with English words.
    /// </summary>
    private void RecordIdentifier(int start, int end, bool requireAsciiSkeleton)
    {
        var token = _text[start..end];
        var skeleton = Skeleton(token);
        if (requireAsciiSkeleton && !System.Text.Ascii.IsValid(skeleton))
        {
            return;
        }

        _identifiers ??= new Dictionary<string, IdentifierEntry>(StringComparer.Ordinal);
        var text = Encoding.UTF8.GetString(token);
        var firstNonAscii = start + token.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        var cp = Utf8Text.Next(_text, firstNonAscii, out _);
        if (_identifiers.TryGetValue(skeleton, out var seen))
        {
            if (seen.Text != text)
            {
                ReportCollision(new IdentifierEntry(text, start, end - start, _line, Column(start), cp), seen.Text, seen.Line);
            }

            return;
        }

        _identifiers[skeleton] = new IdentifierEntry(text, start, end - start, _line, Column(start), cp);
    }

    /// <summary>After the scan: compare ASCII identifiers (by skeleton) with the non-ASCII ones recorded.</summary>
    private void CheckSkeletonCollisions()
    {
        if (_identifiers is null || _identifiers.Count == 0)
        {
            return;
        }

        var lookup = _identifiers.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> initial = stackalloc char[128];
        var line = 1;
        var i = 0;
        while (i < _text.Length)
        {
            var b = _text[i];
            if (!(char.IsAsciiLetter((char)b) || b == '_'))
            {
                if (b == '\n')
                {
                    line++;
                }

                i++;
                continue;
            }

            var start = i;
            while (i < _text.Length && (char.IsAsciiLetterOrDigit((char)_text[i]) || _text[i] == '_'))
            {
                i++;
            }

            if ((start > 0 && _text[start - 1] >= 0x80) || (i < _text.Length && _text[i] >= 0x80))
            {
                continue; // part of a longer non-ASCII word
            }

            var builder = new ValueBuilder(initial);
            foreach (var c in _text[start..i])
            {
                UnicodeData.AppendSkeleton(c, ref builder);
            }

            if (lookup.TryGetValue(builder.AsSpan(), out var entry) && !entry.Reported)
            {
                entry.Reported = true;
                ReportCollision(entry, Encoding.ASCII.GetString(_text[start..i]), line);
            }

            builder.Dispose();
        }

    }

    private readonly void ReportCollision(IdentifierEntry entry, string other, int otherLine)
    {
        _findings.Add(new TextFinding(entry.Line, entry.Column, entry.CodePoint, TextCategory.Confusable, Severity.Medium,
            "confusable-identifier",
            $"identifier \"{SafeText.Clip(entry.Text)}\" looks like \"{SafeText.Clip(other)}\" (line {otherLine}) by TR39 skeleton: a homoglyph of another name (CVE-2021-42694)",
            entry.Offset, entry.Length, FixAction.None));
    }

    private static string Skeleton(ReadOnlySpan<byte> token)
    {
        Span<char> initial = stackalloc char[128];
        var builder = new ValueBuilder(initial);
        var q = 0;
        while (q < token.Length)
        {
            var cp = Utf8Text.Next(token, q, out var len);
            if (cp >= 0)
            {
                UnicodeData.AppendSkeleton(cp, ref builder);
            }

            q += Math.Max(1, len);
        }

        var result = builder.ToString();
        builder.Dispose();
        return result;
    }
}
