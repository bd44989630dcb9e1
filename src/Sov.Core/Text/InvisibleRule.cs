namespace Sov.Core.Text;

/// <summary>Invisible characters not covered by a rule of their own: Hangul fillers, deprecated format characters, soft hyphens, any inside a word; a BOM out of place; private-use code points.</summary>
internal static class InvisibleRule
{
    public static int Check(ref ScanCursor c, int p, int length, int cp)
    {
        if (CodePoints.IsHangulFiller(cp))
        {
            c.Add(p, length, cp, TextCategory.Invisible, Severity.High, "hangul-filler",
                $"{CodePoints.Describe(cp)} {c.Where(p)} is an invisible letter that can form or hide an identifier or make two equal-looking strings differ", FixAction.Remove);
        }
        else if (cp is >= 0x206A and <= 0x206F)
        {
            c.Add(p, length, cp, TextCategory.Invisible, Severity.Medium, "deprecated-format",
                $"{CodePoints.Format(cp)} is a deprecated invisible format character", FixAction.Remove);
        }
        else if (cp == 0xAD && c.ContextAt(p) != LexState.Code)
        {
            c.Add(p, length, cp, TextCategory.Invisible, Severity.Low, "soft-hyphen",
                "soft hyphen (a hyphenation hint) in prose, a comment or a string", FixAction.Remove);
        }
        else if (c.InWord(p, length))
        {
            c.Add(p, length, cp, TextCategory.Invisible, Severity.Medium, "invisible-in-word",
                $"invisible {CodePoints.Describe(cp)} inside a word or identifier", FixAction.Remove);
        }
        else if (c.ContextAt(p) == LexState.String && c.TouchesWord(p, length) && !c.IsWholeString(p, length))
        {
            c.Add(p, length, cp, TextCategory.Invisible, Severity.Medium, "invisible-in-string",
                $"invisible {CodePoints.Describe(cp)} in a string literal: two strings that look the same are different", FixAction.Remove);
        }
        else
        {
            c.Add(p, length, cp, TextCategory.Invisible, Severity.Low, "invisible",
                $"invisible {CodePoints.Describe(cp)} {c.Where(p)}", FixAction.Remove);
        }

        return p + length;
    }

    /// <summary>
    /// Characters that are not default-ignorable yet render blank (U+2800 BRAILLE PATTERN BLANK, U+1D159): inside a
    /// string literal or next to a name they make two equal-looking strings or names differ (#21). Between other
    /// Braille patterns U+2800 is Braille art or a spinner frame.
    /// </summary>
    public static int Blank(ref ScanCursor c, int p, int length, int cp)
    {
        var state = c.ContextAt(p);
        var previous = Utf8Text.Previous(c.Text, p, out _);
        var next = Utf8Text.Next(c.Text, p + length, out _);
        if (cp == 0x2800 && (previous is >= 0x2800 and <= 0x28FF || next is >= 0x2800 and <= 0x28FF))
        {
            c.Add(p, length, cp, TextCategory.Invisible, Severity.Info, "braille-blank-in-art",
                $"{CodePoints.Describe(cp)} between Braille patterns (Braille art)", FixAction.None);
        }
        else if (state == LexState.String && c.IsWholeString(p, length))
        {
            c.Add(p, length, cp, TextCategory.Invisible, Severity.Medium, "blank-character",
                $"{CodePoints.Describe(cp)} renders blank but is neither a space nor ignorable: a string literal of just this character looks like \" \" or \"\"",
                FixAction.Remove);
        }
        else if (state == LexState.String || (state == LexState.Code && c.TouchesWord(p, length)) || c.InWord(p, length))
        {
            c.Add(p, length, cp, TextCategory.Invisible, Severity.High, "blank-character",
                $"{CodePoints.Describe(cp)} renders blank but is neither a space nor ignorable: {c.Where(p)} it makes two strings or names that look the same differ",
                FixAction.Remove);
        }
        else
        {
            c.Add(p, length, cp, TextCategory.Invisible, state == LexState.Code ? Severity.Medium : Severity.Low, "blank-character",
                $"{CodePoints.Describe(cp)} renders blank but is neither a space nor ignorable ({c.Where(p)})", FixAction.Remove);
        }

        return p + length;
    }

    /// <summary>U+FEFF: a byte order mark at the very start is expected; anywhere else it is an invisible character.</summary>
    public static int Bom(ref ScanCursor c, int p, int length, int cp)
    {
        if (p == 0)
        {
            c.Add(p, length, cp, TextCategory.Bom, Severity.Info, "bom-at-start",
                "byte order mark at the start of the file", FixAction.None);
        }
        else
        {
            c.Add(p, length, cp, TextCategory.Bom, Severity.Medium, "bom-not-at-start",
                "U+FEFF (BOM / zero-width no-break space) in the middle of the text is invisible", FixAction.Remove);
        }

        return p + length;
    }

    public static int PrivateUse(ref ScanCursor c, int p, int length, int cp)
    {
        c.Add(p, length, cp, TextCategory.PrivateUse, Severity.Low, "private-use",
            $"{CodePoints.Format(cp)} is a private-use code point: its look depends on the font", FixAction.None);
        return p + length;
    }
}
