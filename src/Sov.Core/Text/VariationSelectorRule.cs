using System.Text;

namespace Sov.Core.Text;

/// <summary>Variation selectors: runs smuggle bytes (GlassWorm 2025); a lone one is quiet only after a base it is registered with.</summary>
internal static class VariationSelectorRule
{
    public static int Check(ref ScanCursor c, int p, int length, int cp)
    {
        if (CodePoints.IsVariationSelector(cp))
        {
            var end = p + length;
            var count = 1;
            while (CodePoints.IsVariationSelector(Utf8Text.Next(c.Text, end, out var len)))
            {
                end += len;
                count++;
            }

            if (count > 1 && count <= 3 && OnlyPresentationSelectors(c.Text[p..end]) && IsEmoji(Utf8Text.Previous(c.Text, p, out _)))
            {
                // #21: U+1F6E0 U+FE0F U+FE0F, a presentation selector typed twice after an emoji, carries no payload worth the name.
                c.Add(p, end - p, cp, TextCategory.VariationSelector, Severity.Low, "emoji-presentation-repeated",
                    $"{count} presentation selectors after an emoji {c.Where(p)} where one would do", FixAction.None);
                return end;
            }

            if (count > 1)
            {
                var bytes = new byte[Math.Min(count, 4096)];
                var q = p;
                for (var i = 0; i < count; i++)
                {
                    var vs = Utf8Text.Next(c.Text, q, out var len);
                    q += len;
                    if (i < bytes.Length)
                    {
                        bytes[i] = (byte)CodePoints.VariationSelectorByte(vs);
                    }
                }

                c.Add(p, end - p, cp, TextCategory.VariationSelector, Severity.Critical, "variation-selector-smuggling",
                    $"{count} variation selectors in a row smuggle {count} byte(s): {RenderBytes(bytes)}", FixAction.Remove);
                return end;
            }
        }

        var previous = Utf8Text.Previous(c.Text, p, out _);
        if (previous >= 0 && UnicodeData.IsRegisteredVariation(previous, cp))
        {
            return p + length;
        }

        var baseFlags = previous < 0 ? (byte)0 : UnicodeData.Flags(previous);
        if (cp is 0xFE0E or 0xFE0F && previous >= 0x80 && (baseFlags & (UnicodeData.Emoji | UnicodeData.ExtendedPictographic)) != 0)
        {
            c.Add(p, length, cp, TextCategory.VariationSelector, Severity.Info, "emoji-presentation",
                $"{CodePoints.Describe(cp)} selects the presentation of an emoji", FixAction.None);
        }
        else if (cp >= 0xE0100 && ScanCursor.ScriptOf(previous) == Scripts.Han)
        {
            c.Add(p, length, cp, TextCategory.VariationSelector, Severity.Info, "ideographic-variation",
                $"{CodePoints.Describe(cp)} selects a glyph variant of a Han character (ideographic variation sequence)", FixAction.None);
        }
        else if (CodePoints.IsMongolianSelector(cp) && ScanCursor.ScriptOf(previous) == Scripts.Mongolian)
        {
            c.Add(p, length, cp, TextCategory.VariationSelector, Severity.Info, "mongolian-variation",
                $"{CodePoints.Describe(cp)} selects a Mongolian letter form", FixAction.None);
        }
        else
        {
            // #21: a stray text/emoji presentation selector (U+FE0E, U+FE0F) after a word is a copy-paste of an emoji's
            // tail: low. Any other selector carries a byte (GlassWorm hides a payload one selector per word): medium, as is
            // any selector inside a name, or right after an identifier in code (where it is an identifier character), where
            // it makes two equal-looking names differ. Many of them in one text escalate (HiddenSpread).
            var inName = c.InWord(p, length) || (c.ContextAt(p) == LexState.Code && ScanCursor.IsWordChar(previous));
            var carries = CodePoints.IsVariationSelector(cp) && cp is not (0xFE0E or 0xFE0F);
            var carried = CodePoints.IsVariationSelector(cp) ? $": it can carry a hidden byte (0x{CodePoints.VariationSelectorByte(cp):X2})" : string.Empty;
            c.Add(p, length, cp, TextCategory.VariationSelector, inName || carries ? Severity.Medium : Severity.Low,
                inName ? "variation-selector-unregistered" : "variation-selector-stray",
                $"{CodePoints.Describe(cp)} follows {(previous < 0 ? "nothing" : CodePoints.Format(previous))} {c.Where(p)}, which has no registered variation sequence with it{(inName || carries ? carried : string.Empty)}",
                FixAction.Remove);
        }

        return p + length;
    }

    private static bool OnlyPresentationSelectors(ReadOnlySpan<byte> run)
    {
        var q = 0;
        while (q < run.Length)
        {
            if (Utf8Text.Next(run, q, out var len) is not (0xFE0E or 0xFE0F))
            {
                return false;
            }

            q += len;
        }

        return true;
    }

    private static bool IsEmoji(int cp) =>
        cp >= 0x80 && (UnicodeData.Flags(cp) & (UnicodeData.Emoji | UnicodeData.ExtendedPictographic)) != 0;

    private static string RenderBytes(byte[] bytes)
    {
        var printable = true;
        foreach (var b in bytes)
        {
            printable &= b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\t' or >= 0x80;
        }

        if (printable && System.Text.Unicode.Utf8.IsValid(bytes))
        {
            var text = Encoding.UTF8.GetString(bytes);
            return "\"" + SafeText.Clip(text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal), 200) + "\"";
        }

        var hex = Convert.ToHexString(bytes, 0, Math.Min(bytes.Length, 64));
        return "0x" + hex + (bytes.Length > 64 ? "…" : string.Empty);
    }
}
