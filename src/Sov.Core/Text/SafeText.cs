using System.Globalization;
using System.Text;

namespace Sov.Core.Text;

/// <summary>Makes decoded hidden text safe to put in a message: controls, format and private-use characters become '?'.</summary>
internal static class SafeText
{
    public static string Clip(string text, int max = 120)
    {
        var clean = new StringBuilder(Math.Min(text.Length, max + 1));
        foreach (var c in text)
        {
            if (clean.Length >= max)
            {
                clean.Append('…');
                break;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            clean.Append(category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
                or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark && c >= 0xFE00 && c <= 0xFE0F ? '?' : c);
        }

        return clean.ToString();
    }
}
