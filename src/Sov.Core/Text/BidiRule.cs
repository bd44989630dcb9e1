namespace Sov.Core.Text;

/// <summary>Bidi controls: Trojan Source (CVE-2021-42574) is an override or isolate left open, or one spanning a comment or string boundary.</summary>
internal struct BidiRule
{
    private List<BidiOpen>? _open;

    public int Explicit(ref ScanCursor c, int p, int length, int cp)
    {
        c.LexAt(p);
        _open ??= [];
        if (cp is not (0x202C or 0x2069))
        {
            _open.Add(new BidiOpen(p, length, cp, c.Line, c.Column(p), c.LineStart, c.Lexer.Transitions));
            return p + length;
        }

        var match = -1;
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            if (cp == 0x2069 ? _open[i].IsIsolate : !_open[i].IsIsolate)
            {
                match = i;
                break;
            }

            if (cp == 0x202C && _open[i].IsIsolate)
            {
                break; // a PDF cannot close an embedding outside the current isolate
            }
        }

        if (match < 0)
        {
            c.Add(p, length, cp, TextCategory.Bidi, Severity.Medium, "bidi-unmatched-closer",
                $"{CodePoints.Describe(cp)} closes nothing: a stray bidi control", FixAction.Remove);
            return p + length;
        }

        var worst = Severity.Low;
        var crossing = false;
        for (var i = _open.Count - 1; i >= match; i--)
        {
            var open = _open[i];
            var spans = open.Transitions != c.Lexer.Transitions;
            crossing |= spans;
            var severity = spans ? Severity.Critical : c.LineHasRtl(open.LineStart) ? Severity.Low : Severity.Medium;
            worst = severity > worst ? severity : worst;
            AddAt(ref c, open, severity, spans ? "bidi-spans-boundary" : "bidi-balanced", spans
                ? $"{CodePoints.Describe(open.CodePoint)} and its closer {CodePoints.Describe(cp)} straddle a comment or string boundary: code displays in a different order than it compiles (Trojan Source, CVE-2021-42574)"
                : $"{CodePoints.Describe(open.CodePoint)} reorders how the text displays (closed by {CodePoints.Describe(cp)} on the same line)");
            _open.RemoveAt(i);
        }

        c.Add(p, length, cp, TextCategory.Bidi, worst, crossing ? "bidi-spans-boundary" : "bidi-balanced",
            $"{CodePoints.Describe(cp)} closes a bidi reordering" + (crossing ? " across a comment or string boundary (Trojan Source, CVE-2021-42574)" : string.Empty),
            FixAction.Remove);
        return p + length;
    }

    public static int Mark(ref ScanCursor c, int p, int length, int cp)
    {
        if (c.LineHasRtl(c.LineStart))
        {
            c.Add(p, length, cp, TextCategory.Bidi, Severity.Info, "bidi-mark-rtl",
                $"{CodePoints.Describe(cp)} in right-to-left text", FixAction.None);
        }
        else if (c.InWord(p, length))
        {
            c.Add(p, length, cp, TextCategory.Bidi, Severity.Medium, "bidi-mark-in-word",
                $"invisible {CodePoints.Describe(cp)} inside a word or identifier, on a line without right-to-left text", FixAction.Remove);
        }
        else
        {
            c.Add(p, length, cp, TextCategory.Bidi, Severity.Low, "bidi-mark",
                $"{CodePoints.Describe(cp)} on a line without right-to-left text", FixAction.Remove);
        }

        return p + length;
    }

    /// <summary>At a line end every still-open bidi control is unterminated: the classic Trojan Source shape.</summary>
    public readonly void Flush(ref ScanCursor c)
    {
        if (_open is null || _open.Count == 0)
        {
            return;
        }

        foreach (var open in _open)
        {
            AddAt(ref c, open, Severity.Critical, "bidi-unterminated",
                $"{CodePoints.Describe(open.CodePoint)} is not closed before the end of the line: what follows displays reordered (Trojan Source, CVE-2021-42574)");
        }

        _open.Clear();
    }

    private static void AddAt(ref ScanCursor c, BidiOpen open, Severity severity, string rule, string message)
    {
        if (severity == Severity.Info && !c.Options.IncludeInfo)
        {
            return;
        }

        c.Findings.Add(new TextFinding(open.Line, open.Column, open.CodePoint, TextCategory.Bidi, severity, rule, message,
            open.Offset, open.Length, FixAction.Remove));
    }
}
