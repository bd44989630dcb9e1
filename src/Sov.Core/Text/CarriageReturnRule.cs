namespace Sov.Core.Text;

/// <summary>
/// #21: a carriage return in the middle of a line. A terminal goes back to the line's start and prints the rest over
/// what came before (<c>rm -rf ~/\rls -la</c> shows as <c>ls -la</c>), and many languages end a line there. CR LF
/// line ends and a CR at the end of a line or of the text are fine.
/// </summary>
internal static class CarriageReturnRule
{
    /// <summary>The first carriage return at or after <paramref name="from"/> that is in the middle of a line, or -1.</summary>
    public static int NextLone(ReadOnlySpan<byte> text, int from)
    {
        while (from < text.Length)
        {
            var i = text[from..].IndexOf((byte)'\r');
            if (i < 0)
            {
                return -1;
            }

            var p = from + i;
            var q = RunEnd(text, p);
            if (q < text.Length && text[q] != '\n')
            {
                return p;
            }

            from = q;
        }

        return -1;
    }

    /// <summary>
    /// The first mid-line carriage return of a text, or -1. There is no exception for old-Mac text (CR as the only
    /// line ending): a text made to look like one would switch the rule off (review of #21), and such files are gone.
    /// </summary>
    public static int First(ReadOnlySpan<byte> text) => NextLone(text, 0);

    public static int Check(ref ScanCursor c, int p)
    {
        var end = RunEnd(c.Text, p);
        var prose = c.ContextAt(p) == LexState.Prose;
        c.Add(p, end - p, '\r', TextCategory.Control, prose ? Severity.Low : Severity.Medium, "carriage-return-mid-line",
            $"a carriage return in the middle of a line {c.Where(p)}: a terminal prints the rest over what came before, hiding it, and many languages end a line there",
            FixAction.Space);
        return end;
    }

    private static int RunEnd(ReadOnlySpan<byte> text, int p)
    {
        while (p < text.Length && text[p] == '\r')
        {
            p++;
        }

        return p;
    }
}
