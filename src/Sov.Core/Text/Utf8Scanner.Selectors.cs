using System.Text;

namespace Sov.Core.Text;

/// <summary>Tag characters (ASCII smuggling) and variation selectors (byte smuggling, GlassWorm 2025).</summary>
internal ref partial struct Utf8Scanner
{
    private int HandleTags(int p)
    {
        var previous = Utf8Text.Previous(_text, p, out _);
        var end = p;
        var count = 0;
        var validFlag = previous == 0x1F3F4;
        var specLength = 0;
        while (true)
        {
            var cp = Utf8Text.Next(_text, end, out var len);
            if (!CodePoints.IsTag(cp))
            {
                validFlag = false; // a flag's tag run must end with CANCEL TAG
                break;
            }

            end += len;
            count++;
            if (cp == 0xE007F && previous == 0x1F3F4)
            {
                validFlag &= specLength is >= 2 and <= 7;
                break;
            }

            validFlag &= cp is (>= 0xE0030 and <= 0xE0039) or (>= 0xE0061 and <= 0xE007A);
            specLength++;
        }

        if (validFlag)
        {
            Add(p, end - p, Utf8Text.Next(_text, p, out _), TextCategory.Tag, Severity.Info, "tag-flag-sequence",
                "tag characters forming a subdivision flag (emoji tag sequence)", FixAction.None);
            return end;
        }

        var hidden = new StringBuilder(Math.Min(count, 200));
        var q = p;
        while (q < end)
        {
            var cp = Utf8Text.Next(_text, q, out var len);
            q += len;
            var ascii = cp - 0xE0000;
            if (hidden.Length < 200 && ascii is >= 0x20 and < 0x7F)
            {
                hidden.Append((char)ascii);
            }
        }

        var first = Utf8Text.Next(_text, p, out _);
        Add(p, end - p, first, TextCategory.Tag, Severity.Critical, "tag-smuggling",
            $"{count} invisible tag character(s) hide the ASCII text \"{hidden}\" (ASCII smuggling)", FixAction.Remove);
        return end;
    }

    private int HandleVariationSelectors(int p, int length, int cp)
    {
        if (CodePoints.IsVariationSelector(cp))
        {
            var end = p + length;
            var count = 1;
            while (CodePoints.IsVariationSelector(Utf8Text.Next(_text, end, out var len)))
            {
                end += len;
                count++;
            }

            if (count > 1)
            {
                var bytes = new byte[Math.Min(count, 4096)];
                var q = p;
                for (var i = 0; i < count; i++)
                {
                    var vs = Utf8Text.Next(_text, q, out var len);
                    q += len;
                    if (i < bytes.Length)
                    {
                        bytes[i] = (byte)CodePoints.VariationSelectorByte(vs);
                    }
                }

                Add(p, end - p, cp, TextCategory.VariationSelector, Severity.Critical, "variation-selector-smuggling",
                    $"{count} variation selectors in a row smuggle {count} byte(s): {RenderBytes(bytes)}", FixAction.Remove);
                return end;
            }
        }

        var previous = Utf8Text.Previous(_text, p, out _);
        if (previous >= 0 && UnicodeData.IsRegisteredVariation(previous, cp))
        {
            return p + length;
        }

        var baseFlags = previous < 0 ? (byte)0 : UnicodeData.Flags(previous);
        if (cp is 0xFE0E or 0xFE0F && previous >= 0x80 && (baseFlags & (UnicodeData.Emoji | UnicodeData.ExtendedPictographic)) != 0)
        {
            Add(p, length, cp, TextCategory.VariationSelector, Severity.Info, "emoji-presentation",
                $"{CodePoints.Describe(cp)} selects the presentation of an emoji", FixAction.None);
        }
        else if (cp >= 0xE0100 && ScriptOf(previous) == Scripts.Han)
        {
            Add(p, length, cp, TextCategory.VariationSelector, Severity.Info, "ideographic-variation",
                $"{CodePoints.Describe(cp)} selects a glyph variant of a Han character (ideographic variation sequence)", FixAction.None);
        }
        else if (CodePoints.IsMongolianSelector(cp) && ScriptOf(previous) == Scripts.Mongolian)
        {
            Add(p, length, cp, TextCategory.VariationSelector, Severity.Info, "mongolian-variation",
                $"{CodePoints.Describe(cp)} selects a Mongolian letter form", FixAction.None);
        }
        else
        {
            var carried = CodePoints.IsVariationSelector(cp) ? $": it can carry a hidden byte (0x{CodePoints.VariationSelectorByte(cp):X2})" : string.Empty;
            Add(p, length, cp, TextCategory.VariationSelector, Severity.Medium, "variation-selector-unregistered",
                $"{CodePoints.Describe(cp)} follows {(previous < 0 ? "nothing" : CodePoints.Format(previous))}, which has no registered variation sequence with it{carried}",
                FixAction.Remove);
        }

        return p + length;
    }

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
