using System.Runtime.CompilerServices;

namespace Sov.Core.Text;

/// <summary>
/// What every scanner rule shares: the text, the options, the findings being collected, the rough lexer, and
/// where the scan stands (the current line, counted by newlines between hits, and the code-point column,
/// counted on from the last column asked for). Rules take it by reference; nothing here allocates per character.
/// </summary>
internal ref struct ScanCursor
{
    public readonly ReadOnlySpan<byte> Text;
    public readonly ClassifyOptions Options;
    public readonly List<TextFinding> Findings;
    public Lexer Lexer;
    public int Line;
    public int LineStart;
    private int _counted;
    private int _columnLineStart;
    private int _columnOffset;
    private int _column;
    private int _rtlLine;
    private bool _rtlLineHas;

    public ScanCursor(ReadOnlySpan<byte> text, ClassifyOptions options, List<TextFinding> findings)
    {
        Text = text;
        Options = options;
        Findings = findings;
        Lexer = new Lexer(options.Kind);
        Line = 1;
        _column = 1;
        _rtlLine = -1;
    }

    /// <summary>The lexer's state at <paramref name="p"/> (code, comment, string or prose).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LexState LexAt(int p) => Lexer.Advance(Text, p);

    /// <summary>True when the text is prose (rules files, Markdown, text): no code, comments or strings.</summary>
    public readonly bool IsProse => SourceKinds.IsProse(Options.Kind);

    /// <summary>The context at <paramref name="p"/> as the lexer sees it; prose stays prose.</summary>
    public LexState ContextAt(int p) => IsProse ? LexState.Prose : LexAt(p);

    /// <summary>Names the context at <paramref name="p"/> for messages (#21): "in a string literal", "in a comment", "in Markdown prose"...</summary>
    public string Where(int p) => ContextAt(p) switch
    {
        LexState.String => "in a string literal",
        LexState.Comment => "in a comment",
        LexState.Code => "in code",
        _ => Options.Kind == SourceKind.Markdown ? "in Markdown prose" : "in prose",
    };

    /// <summary>True when the character at <paramref name="p"/> is the whole content of a one-character string literal (a raw U+00A0 between two quotes): a deliberate character constant.</summary>
    public readonly bool IsWholeString(int p, int length) =>
        p > 0 && p + length < Text.Length && Text[p - 1] is (byte)'"' or (byte)'\'' or (byte)'`' && Text[p + length] == Text[p - 1];

    /// <summary>True when a word character sits right before or after the span: the character changes a word or name.</summary>
    public readonly bool TouchesWord(int p, int length) =>
        IsWordChar(Utf8Text.Previous(Text, p, out _)) || IsWordChar(Utf8Text.Next(Text, p + length, out _));

    /// <summary>Counts the newlines up to <paramref name="p"/>; true when the line changed (open bidi controls end there).</summary>
    public bool SyncLine(int p)
    {
        if (p <= _counted)
        {
            return false;
        }

        var segment = Text[_counted..p];
        var newlines = segment.Count((byte)'\n');
        _counted = p;
        if (newlines == 0)
        {
            return false;
        }

        Line += newlines;
        LineStart = p - segment.Length + segment.LastIndexOf((byte)'\n') + 1;
        return true;
    }

    /// <summary>
    /// The 1-based code-point column of <paramref name="p"/> on the current line, counted on from the last
    /// column asked for, so a long minified line with many findings stays linear.
    /// </summary>
    public int Column(int p)
    {
        if (_columnLineStart != LineStart || p < LineStart)
        {
            _columnLineStart = LineStart;
            _columnOffset = LineStart;
            _column = 1;
        }

        _column += p >= _columnOffset
            ? Utf8Text.CountCodePoints(Text[_columnOffset..p])
            : -Utf8Text.CountCodePoints(Text[p.._columnOffset]);
        _columnOffset = p;
        return _column;
    }

    public void Add(int p, int length, int cp, TextCategory category, Severity severity, string rule, string message, FixAction fix)
    {
        if (severity == Severity.Info && !Options.IncludeInfo)
        {
            return;
        }

        Findings.Add(new TextFinding(Line, Column(p), cp, category, severity, rule, message, p, length, fix));
    }

    public static bool IsWordChar(int cp)
    {
        if (cp < 0)
        {
            return false;
        }

        if (cp < 0x80)
        {
            return char.IsAsciiLetterOrDigit((char)cp) || cp == '_';
        }

        var flags = UnicodeData.Flags(cp);
        return (flags & UnicodeData.IdContinue) != 0 && (flags & UnicodeData.DefaultIgnorable) == 0;
    }

    public readonly bool InWord(int p, int length) =>
        IsWordChar(Utf8Text.Previous(Text, p, out _)) && IsWordChar(Utf8Text.Next(Text, p + length, out _));

    public static int ScriptOf(int cp) => cp < 0 ? 0 : UnicodeData.ScriptIndex(cp);

    /// <summary>True when the line starting at <paramref name="lineStart"/> has right-to-left letters.</summary>
    public bool LineHasRtl(int lineStart)
    {
        if (lineStart == _rtlLine)
        {
            return _rtlLineHas;
        }

        var end = Text[lineStart..].IndexOf((byte)'\n');
        var line = end < 0 ? Text[lineStart..] : Text.Slice(lineStart, end);
        var has = false;
        var i = 0;
        while (i < line.Length)
        {
            var next = line[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (next < 0)
            {
                break;
            }

            i += next;
            var cp = Utf8Text.Next(line, i, out var len);
            if (cp >= 0 && Scripts.IsRightToLeft(UnicodeData.ScriptIndex(cp)))
            {
                has = true;
                break;
            }

            i += Math.Max(1, len);
        }

        _rtlLine = lineStart;
        _rtlLineHas = has;
        return has;
    }
}
