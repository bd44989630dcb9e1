namespace Sov.Core.Text;

/// <summary>Irregular whitespace (no-break, em, ideographic spaces, line separators): louder in code, where it looks like a space but is not one.</summary>
internal static class WhitespaceRule
{
    public static int Check(ref ScanCursor c, int p, int length, int cp)
    {
        var state = c.LexAt(p);
        if (state == LexState.Code)
        {
            c.Add(p, length, cp, TextCategory.Whitespace, Severity.Medium, "irregular-whitespace-in-code",
                $"irregular whitespace {CodePoints.Describe(cp)} in code looks like a space but is not one", FixAction.Space);
        }
        else
        {
            c.Add(p, length, cp, TextCategory.Whitespace, Severity.Low, "irregular-whitespace",
                $"irregular whitespace {CodePoints.Describe(cp)}", FixAction.Space);
        }

        return p + length;
    }
}
