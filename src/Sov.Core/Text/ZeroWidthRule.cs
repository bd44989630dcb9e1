namespace Sov.Core.Text;

/// <summary>Zero-width characters: quiet where a script or an emoji sequence needs them, loud inside words and in runs.</summary>
internal static class ZeroWidthRule
{
    /// <summary>From this many zero-width characters in a row a run is steganography wherever it sits (two bits each, a byte per four).</summary>
    private const int SteganographyRun = 4;

    public static int Check(ref ScanCursor c, int p, int length, int cp)
    {
        var end = p + length;
        var count = 1;
        while (CodePoints.IsZeroWidth(Utf8Text.Next(c.Text, end, out var len)))
        {
            end += len;
            count++;
        }

        // Steganography needs several characters a byte; two or three in a row are a paste artefact unless they sit in a name (#21).
        if (count >= SteganographyRun || (count > 1 && (c.InWord(p, end - p) || c.ContextAt(p) is LexState.Code or LexState.String)))
        {
            c.Add(p, end - p, cp, TextCategory.ZeroWidth, Severity.High, "zero-width-run",
                $"{count} zero-width characters in a row: a way to hide a message in plain sight (zero-width steganography)",
                FixAction.Remove);
            return end;
        }

        if (count > 1)
        {
            c.Add(p, end - p, cp, TextCategory.ZeroWidth, Severity.Low, "zero-width",
                $"{count} invisible zero-width characters {c.Where(p)}", FixAction.Remove);
            return end;
        }

        var previous = Utf8Text.Previous(c.Text, p, out _);
        var next = Utf8Text.Next(c.Text, end, out _);
        if (cp == 0x200D && IsEmojiBefore(previous) && IsEmojiAfter(next))
        {
            c.Add(p, length, cp, TextCategory.ZeroWidth, Severity.Info, "zwj-emoji-sequence",
                "ZWJ joining an emoji sequence", FixAction.None);
        }
        else if (cp is 0x200C or 0x200D && (Scripts.NeedsJoiners(ScanCursor.ScriptOf(previous)) || Scripts.NeedsJoiners(ScanCursor.ScriptOf(next))))
        {
            c.Add(p, length, cp, TextCategory.ZeroWidth, Severity.Info, "joiner-in-script",
                $"{CodePoints.Describe(cp)} shaping {UnicodeData.ScriptName(ScanCursor.ScriptOf(Scripts.NeedsJoiners(ScanCursor.ScriptOf(previous)) ? previous : next))} text",
                FixAction.None);
        }
        else if (cp is 0x200B or 0x2060 && (Scripts.WrittenWithoutSpaces(ScanCursor.ScriptOf(previous)) || Scripts.WrittenWithoutSpaces(ScanCursor.ScriptOf(next))))
        {
            c.Add(p, length, cp, TextCategory.ZeroWidth, Severity.Info, "word-break-hint",
                $"{CodePoints.Describe(cp)} as a word-break hint in a script written without spaces", FixAction.None);
        }
        else if (ScanCursor.IsWordChar(previous) && ScanCursor.IsWordChar(next))
        {
            c.Add(p, length, cp, TextCategory.ZeroWidth, Severity.Medium, "zero-width-in-word",
                $"invisible {CodePoints.Describe(cp)} inside a word or identifier: two names that look the same are different", FixAction.Remove);
        }
        else if (c.ContextAt(p) == LexState.String && c.TouchesWord(p, length) && !c.IsWholeString(p, length))
        {
            c.Add(p, length, cp, TextCategory.ZeroWidth, Severity.Medium, "zero-width-in-string",
                $"invisible {CodePoints.Describe(cp)} in a string literal: two strings that look the same are different", FixAction.Remove);
        }
        else
        {
            c.Add(p, length, cp, TextCategory.ZeroWidth, Severity.Low, "zero-width",
                $"invisible {CodePoints.Describe(cp)} {c.Where(p)}", FixAction.Remove);
        }

        return end;
    }

    private static bool IsEmojiBefore(int cp) =>
        cp >= 0x80 && ((UnicodeData.Flags(cp) & (UnicodeData.ExtendedPictographic | UnicodeData.Emoji)) != 0
            || cp is 0xFE0F or 0x20E3 or 0xE007F or (>= 0x1F3FB and <= 0x1F3FF));

    private static bool IsEmojiAfter(int cp) =>
        cp >= 0x80 && (UnicodeData.Flags(cp) & (UnicodeData.ExtendedPictographic | UnicodeData.Emoji)) != 0;
}
