namespace Sov.Core.Text;

/// <summary>Bidi controls: Trojan Source (CVE-2021-42574) is an override or isolate left open, or one spanning a comment or string boundary.</summary>
internal ref partial struct Utf8Scanner
{
    private int HandleBidiExplicit(int p, int length, int cp)
    {
        _lexer.Advance(_text, p);
        _bidi ??= [];
        if (cp is not (0x202C or 0x2069))
        {
            _bidi.Add(new BidiOpen(p, length, cp, _line, Column(p), _lineStart, _lexer.Transitions));
            return p + length;
        }

        var match = -1;
        for (var i = _bidi.Count - 1; i >= 0; i--)
        {
            if (cp == 0x2069 ? _bidi[i].IsIsolate : !_bidi[i].IsIsolate)
            {
                match = i;
                break;
            }

            if (cp == 0x202C && _bidi[i].IsIsolate)
            {
                break; // a PDF cannot close an embedding outside the current isolate
            }
        }

        if (match < 0)
        {
            Add(p, length, cp, TextCategory.Bidi, Severity.Medium, "bidi-unmatched-closer",
                $"{CodePoints.Describe(cp)} closes nothing: a stray bidi control", FixAction.Remove);
            return p + length;
        }

        var worst = Severity.Low;
        var crossing = false;
        for (var i = _bidi.Count - 1; i >= match; i--)
        {
            var open = _bidi[i];
            var spans = open.Transitions != _lexer.Transitions;
            crossing |= spans;
            var severity = spans ? Severity.Critical : LineHasRtl(open.LineStart) ? Severity.Low : Severity.Medium;
            worst = severity > worst ? severity : worst;
            AddAt(open, severity, spans ? "bidi-spans-boundary" : "bidi-balanced", spans
                ? $"{CodePoints.Describe(open.CodePoint)} and its closer {CodePoints.Describe(cp)} straddle a comment or string boundary: code displays in a different order than it compiles (Trojan Source, CVE-2021-42574)"
                : $"{CodePoints.Describe(open.CodePoint)} reorders how the text displays (closed by {CodePoints.Describe(cp)} on the same line)");
            _bidi.RemoveAt(i);
        }

        Add(p, length, cp, TextCategory.Bidi, worst, crossing ? "bidi-spans-boundary" : "bidi-balanced",
            $"{CodePoints.Describe(cp)} closes a bidi reordering" + (crossing ? " across a comment or string boundary (Trojan Source, CVE-2021-42574)" : string.Empty),
            FixAction.Remove);
        return p + length;
    }

    private int HandleBidiMark(int p, int length, int cp)
    {
        if (LineHasRtl(_lineStart))
        {
            Add(p, length, cp, TextCategory.Bidi, Severity.Info, "bidi-mark-rtl",
                $"{CodePoints.Describe(cp)} in right-to-left text", FixAction.None);
        }
        else if (InWord(p, length))
        {
            Add(p, length, cp, TextCategory.Bidi, Severity.Medium, "bidi-mark-in-word",
                $"invisible {CodePoints.Describe(cp)} inside a word or identifier, on a line without right-to-left text", FixAction.Remove);
        }
        else
        {
            Add(p, length, cp, TextCategory.Bidi, Severity.Low, "bidi-mark",
                $"{CodePoints.Describe(cp)} on a line without right-to-left text", FixAction.Remove);
        }

        return p + length;
    }

    /// <summary>At a line end every still-open bidi control is unterminated: the classic Trojan Source shape.</summary>
    private void FlushBidi()
    {
        if (_bidi is null || _bidi.Count == 0)
        {
            return;
        }

        foreach (var open in _bidi)
        {
            AddAt(open, Severity.Critical, "bidi-unterminated",
                $"{CodePoints.Describe(open.CodePoint)} is not closed before the end of the line: what follows displays reordered (Trojan Source, CVE-2021-42574)");
        }

        _bidi.Clear();
    }

    private readonly void AddAt(BidiOpen open, Severity severity, string rule, string message)
    {
        if (severity == Severity.Info && !_options.IncludeInfo)
        {
            return;
        }

        _findings.Add(new TextFinding(open.Line, open.Column, open.CodePoint, TextCategory.Bidi, severity, rule, message,
            open.Offset, open.Length, FixAction.Remove));
    }
}
