namespace Sov.Core.Text;

/// <summary>Invisible characters not covered by a rule of their own: Hangul fillers, deprecated format characters, soft hyphens, any inside a word; a BOM out of place; private-use code points.</summary>
internal static class InvisibleRule
{
    public static int Check(ref ScanCursor c, int p, int length, int cp)
    {
        if (CodePoints.IsHangulFiller(cp))
        {
            c.Add(p, length, cp, TextCategory.Invisible, Severity.High, "hangul-filler",
                $"{CodePoints.Describe(cp)} is an invisible letter that can form or hide an identifier", FixAction.Remove);
        }
        else if (cp is >= 0x206A and <= 0x206F)
        {
            c.Add(p, length, cp, TextCategory.Invisible, Severity.Medium, "deprecated-format",
                $"{CodePoints.Format(cp)} is a deprecated invisible format character", FixAction.Remove);
        }
        else if (cp == 0xAD && (c.Options.Kind == SourceKind.Prose || c.LexAt(p) != LexState.Code))
        {
            c.Add(p, length, cp, TextCategory.Invisible, Severity.Low, "soft-hyphen",
                "soft hyphen (a hyphenation hint) in prose, a comment or a string", FixAction.Remove);
        }
        else if (c.InWord(p, length))
        {
            c.Add(p, length, cp, TextCategory.Invisible, Severity.Medium, "invisible-in-word",
                $"invisible {CodePoints.Describe(cp)} inside a word or identifier", FixAction.Remove);
        }
        else
        {
            c.Add(p, length, cp, TextCategory.Invisible, Severity.Low, "invisible",
                $"invisible {CodePoints.Describe(cp)}", FixAction.Remove);
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
