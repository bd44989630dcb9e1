namespace Sov.Core.Text;

/// <summary>Spaces and tabs before a line end (info only: reported with <c>--all</c>).</summary>
internal static class TrailingWhitespace
{
    public static void Find(ReadOnlySpan<byte> text, List<TextFinding> findings)
    {
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var nl = text[start..].IndexOf((byte)'\n');
            var end = nl < 0 ? text.Length : start + nl;
            var contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            var ws = contentEnd;
            while (ws > start && text[ws - 1] is (byte)' ' or (byte)'\t')
            {
                ws--;
            }

            if (ws < contentEnd)
            {
                var column = 1 + Utf8Text.CountCodePoints(text[start..ws]);
                findings.Add(new TextFinding(line, column, text[ws], TextCategory.TrailingWhitespace, Severity.Info,
                    "trailing-whitespace", $"{contentEnd - ws} trailing space or tab character(s) at the end of the line",
                    ws, contentEnd - ws, FixAction.Remove));
            }

            if (nl < 0)
            {
                break;
            }

            start = end + 1;
            line++;
        }
    }
}
