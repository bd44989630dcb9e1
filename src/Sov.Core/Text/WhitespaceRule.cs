namespace Sov.Core.Text;

/// <summary>
/// Irregular whitespace (no-break, em, ideographic spaces, line separators), judged by where it sits and what the
/// language does with it (#21): in code it looks like a space but is not one; in a string literal it compares unequal
/// to a normal space; U+2028/U+2029 end a line (and a <c>//</c> comment) in JavaScript, TypeScript and C#.
/// </summary>
internal static class WhitespaceRule
{
    public static int Check(ref ScanCursor c, int p, int length, int cp)
    {
        if (cp is 0x2028 or 0x2029)
        {
            return Separator(ref c, p, length, cp);
        }

        var state = c.ContextAt(p);
        if (state == LexState.Code)
        {
            c.Add(p, length, cp, TextCategory.Whitespace, Severity.Medium, "irregular-whitespace-in-code",
                $"irregular whitespace {CodePoints.Describe(cp)} in code looks like a space but is not one", FixAction.Space);
        }
        else if (state == LexState.String && !c.IsWholeString(p, length))
        {
            c.Add(p, length, cp, TextCategory.Whitespace, Severity.Medium, "irregular-whitespace-in-string",
                $"{CodePoints.Describe(cp)} in a string literal looks like a space but compares unequal to a normal space (input typed with a space will not match)",
                FixAction.Space);
        }
        else
        {
            c.Add(p, length, cp, TextCategory.Whitespace, Severity.Low, "irregular-whitespace",
                $"irregular whitespace {CodePoints.Describe(cp)} {c.Where(p)}", FixAction.Space);
        }

        return p + length;
    }

    /// <summary>LINE SEPARATOR, PARAGRAPH SEPARATOR: where the language ends lines on them, a <c>//</c> comment ends there and the rest of the line runs.</summary>
    private static int Separator(ref ScanCursor c, int p, int length, int cp)
    {
        var state = c.ContextAt(p);
        var endsLines = SourceKinds.SeparatorsEndLines(c.Options.Kind);
        var language = SourceKinds.LanguageName(c.Options.Kind);
        if (state == LexState.Comment && endsLines && c.Lexer.InLineComment)
        {
            c.Add(p, length, cp, TextCategory.Whitespace, Severity.Critical, "line-separator-ends-comment",
                $"{CodePoints.Describe(cp)} in a comment ends the // comment in {language}, though editors show one line: the rest of the line runs as code",
                FixAction.Space);
        }
        else if (state == LexState.Code && endsLines)
        {
            c.Add(p, length, cp, TextCategory.Whitespace, Severity.High, "line-separator-in-code",
                $"{CodePoints.Describe(cp)} in code is a line break in {language} that editors may not show (it changes automatic semicolon insertion and where comments end)",
                FixAction.Space);
        }
        else if (state is LexState.Code or LexState.Comment or LexState.String)
        {
            c.Add(p, length, cp, TextCategory.Whitespace, Severity.Medium, "line-separator",
                $"{CodePoints.Describe(cp)} {c.Where(p)}: some editors and viewers break the line there, others do not, so what is shown is not what the compiler reads",
                FixAction.Space);
        }
        else
        {
            c.Add(p, length, cp, TextCategory.Whitespace, Severity.Low, "irregular-whitespace",
                $"irregular whitespace {CodePoints.Describe(cp)} {c.Where(p)}", FixAction.Space);
        }

        return p + length;
    }
}
