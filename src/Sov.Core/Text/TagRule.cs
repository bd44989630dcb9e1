using System.Text;

namespace Sov.Core.Text;

/// <summary>Tag characters: ASCII smuggling, unless they spell a subdivision flag after U+1F3F4.</summary>
internal static class TagRule
{
    public static int Check(ref ScanCursor c, int p)
    {
        var previous = Utf8Text.Previous(c.Text, p, out _);
        var end = p;
        var count = 0;
        var validFlag = previous == 0x1F3F4;
        var specLength = 0;
        while (true)
        {
            var cp = Utf8Text.Next(c.Text, end, out var len);
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
            c.Add(p, end - p, Utf8Text.Next(c.Text, p, out _), TextCategory.Tag, Severity.Info, "tag-flag-sequence",
                "tag characters forming a subdivision flag (emoji tag sequence)", FixAction.None);
            return end;
        }

        var hidden = new StringBuilder(Math.Min(count, 200));
        var q = p;
        while (q < end)
        {
            var cp = Utf8Text.Next(c.Text, q, out var len);
            q += len;
            var ascii = cp - 0xE0000;
            if (hidden.Length < 200 && ascii is >= 0x20 and < 0x7F)
            {
                hidden.Append((char)ascii);
            }
        }

        var first = Utf8Text.Next(c.Text, p, out _);
        c.Add(p, end - p, first, TextCategory.Tag, Severity.Critical, "tag-smuggling",
            $"{count} invisible tag character(s) hide the ASCII text \"{hidden}\" (ASCII smuggling)", FixAction.Remove);
        return end;
    }
}
