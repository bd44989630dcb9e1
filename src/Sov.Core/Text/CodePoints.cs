using System.Globalization;

namespace Sov.Core.Text;

/// <summary>Names and formatting for the code points the text border talks about.</summary>
public static class CodePoints
{
    /// <summary><c>U+202E</c> (at least four hex digits).</summary>
    public static string Format(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>A short name for a hidden or control character (<c>RLO</c>, <c>ZWSP</c>, <c>ESC</c>), or null.</summary>
    public static string? ShortName(int cp) => cp switch
    {
        0x00 => "NUL",
        0x07 => "BEL",
        0x08 => "BS",
        0x0B => "VT",
        0x0C => "FF",
        0x1B => "ESC",
        0x7F => "DEL",
        0x85 => "NEL",
        0x9B => "CSI",
        0x9D => "OSC",
        0xA0 => "NBSP",
        0xAD => "SHY",
        0x34F => "CGJ",
        0x61C => "ALM",
        0x115F => "HANGUL CHOSEONG FILLER",
        0x1160 => "HANGUL JUNGSEONG FILLER",
        0x180E => "MVS",
        0x1680 => "OGHAM SPACE",
        >= 0x2000 and <= 0x200A => "SPACE " + cp.ToString("X4", CultureInfo.InvariantCulture),
        0x200B => "ZWSP",
        0x200C => "ZWNJ",
        0x200D => "ZWJ",
        0x200E => "LRM",
        0x200F => "RLM",
        0x2028 => "LINE SEPARATOR",
        0x2029 => "PARAGRAPH SEPARATOR",
        0x202A => "LRE",
        0x202B => "RLE",
        0x202C => "PDF",
        0x202D => "LRO",
        0x202E => "RLO",
        0x202F => "NNBSP",
        0x205F => "MMSP",
        0x2060 => "WJ",
        >= 0x2061 and <= 0x2064 => "INVISIBLE OPERATOR",
        0x2066 => "LRI",
        0x2067 => "RLI",
        0x2068 => "FSI",
        0x2069 => "PDI",
        0x2800 => "BRAILLE PATTERN BLANK",
        0x3000 => "IDEOGRAPHIC SPACE",
        0x3164 => "HANGUL FILLER",
        0xFEFF => "BOM",
        0xFFA0 => "HALFWIDTH HANGUL FILLER",
        0x1D159 => "MUSICAL SYMBOL NULL NOTEHEAD",
        >= 0xFE00 and <= 0xFE0F => "VS" + (cp - 0xFE00 + 1).ToString(CultureInfo.InvariantCulture),
        >= 0xE0100 and <= 0xE01EF => "VS" + (cp - 0xE0100 + 17).ToString(CultureInfo.InvariantCulture),
        >= 0xE0000 and <= 0xE007F => "TAG",
        < 0x20 => "C0 " + cp.ToString("X2", CultureInfo.InvariantCulture),
        >= 0x80 and < 0xA0 => "C1 " + cp.ToString("X2", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>A marker such as <c>⟦U+202E RLO⟧</c> for the reveal policy.</summary>
    public static string Marker(int cp)
    {
        var name = ShortName(cp);
        return name is null ? $"⟦{Format(cp)}⟧" : $"⟦{Format(cp)} {name}⟧";
    }

    /// <summary><c>U+202E (RLO)</c> for messages.</summary>
    public static string Describe(int cp)
    {
        var name = ShortName(cp);
        return name is null ? Format(cp) : $"{Format(cp)} ({name})";
    }

    public static bool IsBidiExplicit(int cp) => cp is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    public static bool IsBidiMark(int cp) => cp is 0x200E or 0x200F or 0x61C;

    public static bool IsTag(int cp) => cp is >= 0xE0000 and <= 0xE007F;

    public static bool IsVariationSelector(int cp) => cp is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    public static bool IsMongolianSelector(int cp) => cp is (>= 0x180B and <= 0x180D) or 0x180F;

    public static bool IsZeroWidth(int cp) => cp is 0x200B or 0x200C or 0x200D or 0x2060 or 0x180E;

    public static bool IsPrivateUse(int cp) => cp is (>= 0xE000 and <= 0xF8FF) or (>= 0xF0000 and <= 0xFFFFD) or (>= 0x100000 and <= 0x10FFFD);

    public static bool IsNoncharacter(int cp) => cp is >= 0xFDD0 and <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;

    /// <summary>Characters that are neither whitespace nor default-ignorable but render blank (#21).</summary>
    public static bool IsBlankGlyph(int cp) => cp is 0x2800 or 0x1D159;

    public static bool IsHangulFiller(int cp) => cp is 0x115F or 0x1160 or 0x3164 or 0xFFA0;

    /// <summary>The byte a variation selector carries in the GlassWorm / "sneaky bits" encoding.</summary>
    public static int VariationSelectorByte(int cp) => cp <= 0xFE0F ? cp - 0xFE00 : cp - 0xE0100 + 16;
}
