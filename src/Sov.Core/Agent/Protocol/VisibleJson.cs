using System.Buffers;
using System.Globalization;
using System.Text;
using Sov.Core.Text;

namespace Sov.Core.Agent.Protocol;

/// <summary>
/// The escape policy for JSON a person may read on a terminal (issue #14, on top of #11): text stays
/// readable (quotes as <c>\"</c>, <c>+</c>, <c>&gt;</c>, backticks and printable letters of any script
/// literal), while every code point a terminal may act on or that does not show is written <c>\uXXXX</c>:
/// C0 and C1 controls, DEL, bidi controls and marks, zero-width and other format characters, tag
/// characters, variation selectors, fillers and blanks, spaces other than U+0020, line and paragraph
/// separators, private-use, unassigned and surrogate code points, and everything outside the BMP.
/// </summary>
public static class VisibleJson
{
    private static readonly SearchValues<byte> PrintableAscii = SearchValues.Create(Enumerable.Range(0x20, 0x7F - 0x20).Select(b => (byte)b).ToArray());

    /// <summary>True when <paramref name="cp"/> must not appear raw in the JSON (quote and backslash are the writer's).</summary>
    public static bool MustEscape(int cp)
    {
        if (cp < 0x80)
        {
            return cp is < 0x20 or 0x7F;
        }

        if (cp > 0xFFFF || TerminalText.IsHazard(cp) || CodePoints.IsVariationSelector(cp) || CodePoints.IsMongolianSelector(cp)
            || CodePoints.IsHangulFiller(cp) || cp is 0x034F or 0x17B4 or 0x17B5 or 0x2800)
        {
            return true;
        }

        return CharUnicodeInfo.GetUnicodeCategory(cp) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator;
    }

    /// <summary>
    /// <paramref name="json"/> (well-formed UTF-8 JSON, such as a Utf8JsonWriter wrote) with every code point
    /// <see cref="MustEscape"/> names escaped. Outside strings JSON is ASCII, so only string values change
    /// form, never value.
    /// </summary>
    public static string Escape(ReadOnlySpan<byte> json)
    {
        var plain = json.IndexOfAnyExcept(PrintableAscii);
        if (plain < 0)
        {
            return Encoding.UTF8.GetString(json);
        }

        var sb = new StringBuilder(json.Length + 32);
        Span<char> units = stackalloc char[2];
        while (!json.IsEmpty)
        {
            plain = json.IndexOfAnyExcept(PrintableAscii);
            if (plain < 0)
            {
                plain = json.Length;
            }

            sb.Append(Encoding.UTF8.GetString(json[..plain]));
            json = json[plain..];
            if (json.IsEmpty)
            {
                break;
            }

            Rune.DecodeFromUtf8(json, out var rune, out var used);
            var count = rune.EncodeToUtf16(units);
            if (MustEscape(rune.Value))
            {
                foreach (var unit in units[..count])
                {
                    sb.Append("\\u").Append(((int)unit).ToString("X4", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                sb.Append(units[..count]);
            }

            json = json[used..];
        }

        return sb.ToString();
    }
}
