using System.Text;

namespace Sov.Core.Text;

/// <summary>
/// The slow path of the classifier, entered at the first suspect byte: decodes only around hits,
/// keeps line numbers by counting newlines between hits, and asks the rough lexer for context.
/// </summary>
internal ref partial struct Utf8Scanner
{
    private readonly ReadOnlySpan<byte> _text;
    private readonly ClassifyOptions _options;
    private readonly List<TextFinding> _findings;
    private Lexer _lexer;
    private int _line;
    private int _lineStart;
    private int _counted;
    private int _tokenEnd;
    private int _columnLineStart;
    private int _columnOffset;
    private int _column = 1;
    private int _rtlLine;
    private bool _rtlLineHas;
    private List<BidiOpen>? _bidi;
    private Dictionary<string, IdentifierEntry>? _identifiers;

    public Utf8Scanner(ReadOnlySpan<byte> text, ClassifyOptions options, List<TextFinding> findings)
    {
        _text = text;
        _options = options;
        _findings = findings;
        _lexer = new Lexer(options.Kind);
        _line = 1;
        _rtlLine = -1;
    }

    public void Run(int first)
    {
        var pos = first;
        while (pos < _text.Length)
        {
            var i = TextClassifier.IndexOfSuspect(_text[pos..]);
            if (i < 0)
            {
                break;
            }

            var p = pos + i;
            SyncLine(p);
            var b = _text[p];
            if (b < 0x80)
            {
                pos = HandleAsciiControl(p);
                continue;
            }

            var cp = Utf8Text.Next(_text, p, out var length);
            pos = cp < 0 ? HandleInvalid(p) : HandleCodePoint(p, length, cp);
        }

        SyncLine(_text.Length);
        FlushBidi();
        CheckSkeletonCollisions();
    }

    private int HandleCodePoint(int p, int length, int cp)
    {
        var flags = UnicodeData.Flags(cp);
        if (cp < 0xA0)
        {
            Add(p, length, cp, TextCategory.Control, Severity.High, "c1-control",
                $"{CodePoints.Describe(cp)} is a C1 control character: terminals may act on it", FixAction.Remove);
            return p + length;
        }

        var hazard = (flags & (UnicodeData.DefaultIgnorable | UnicodeData.WhiteSpace)) != 0
            || (flags & UnicodeData.Assigned) == 0
            || CodePoints.IsPrivateUse(cp);
        if (!hazard)
        {
            if ((flags & UnicodeData.IdContinue) != 0 && p >= _tokenEnd)
            {
                EvaluateToken(p);
            }

            return p + length;
        }

        if (CodePoints.IsBidiExplicit(cp))
        {
            return HandleBidiExplicit(p, length, cp);
        }

        if (CodePoints.IsBidiMark(cp))
        {
            return HandleBidiMark(p, length, cp);
        }

        if (CodePoints.IsTag(cp))
        {
            return HandleTags(p);
        }

        if (CodePoints.IsVariationSelector(cp) || CodePoints.IsMongolianSelector(cp))
        {
            return HandleVariationSelectors(p, length, cp);
        }

        if (cp == 0xFEFF)
        {
            if (p == 0)
            {
                Add(p, length, cp, TextCategory.Bom, Severity.Info, "bom-at-start",
                    "byte order mark at the start of the file", FixAction.None);
            }
            else
            {
                Add(p, length, cp, TextCategory.Bom, Severity.Medium, "bom-not-at-start",
                    "U+FEFF (BOM / zero-width no-break space) in the middle of the text is invisible", FixAction.Remove);
            }

            return p + length;
        }

        if (CodePoints.IsZeroWidth(cp))
        {
            return HandleZeroWidth(p, length, cp);
        }

        if ((flags & UnicodeData.WhiteSpace) != 0)
        {
            return HandleWhitespace(p, length, cp);
        }

        if (CodePoints.IsPrivateUse(cp))
        {
            Add(p, length, cp, TextCategory.PrivateUse, Severity.Low, "private-use",
                $"{CodePoints.Format(cp)} is a private-use code point: its look depends on the font", FixAction.None);
            return p + length;
        }

        if ((flags & UnicodeData.Assigned) == 0)
        {
            return HandleUnassigned(p, length, cp, flags);
        }

        return HandleInvisible(p, length, cp);
    }

    private int HandleUnassigned(int p, int length, int cp, byte flags)
    {
        if (CodePoints.IsNoncharacter(cp))
        {
            Add(p, length, cp, TextCategory.Unassigned, Severity.Medium, "noncharacter",
                $"{CodePoints.Format(cp)} is a noncharacter and never belongs in interchanged text", FixAction.Remove);
        }
        else if ((flags & UnicodeData.DefaultIgnorable) != 0)
        {
            Add(p, length, cp, TextCategory.Unassigned, Severity.Medium, "unassigned-ignorable",
                $"{CodePoints.Format(cp)} is unassigned in Unicode {UnicodeData.UnicodeVersion} and default-ignorable: it renders as nothing",
                FixAction.Remove);
        }
        else if (cp is >= 0x1F000 and <= 0x1FAFF)
        {
            Add(p, length, cp, TextCategory.Unassigned, Severity.Info, "unassigned-emoji-block",
                $"{CodePoints.Format(cp)} is unassigned in Unicode {UnicodeData.UnicodeVersion} (probably a newer emoji)", FixAction.None);
        }
        else
        {
            Add(p, length, cp, TextCategory.Unassigned, Severity.Low, "unassigned",
                $"{CodePoints.Format(cp)} is unassigned in Unicode {UnicodeData.UnicodeVersion}", FixAction.None);
        }

        return p + length;
    }

    private int HandleInvisible(int p, int length, int cp)
    {
        if (CodePoints.IsHangulFiller(cp))
        {
            Add(p, length, cp, TextCategory.Invisible, Severity.High, "hangul-filler",
                $"{CodePoints.Describe(cp)} is an invisible letter that can form or hide an identifier", FixAction.Remove);
        }
        else if (cp is >= 0x206A and <= 0x206F)
        {
            Add(p, length, cp, TextCategory.Invisible, Severity.Medium, "deprecated-format",
                $"{CodePoints.Format(cp)} is a deprecated invisible format character", FixAction.Remove);
        }
        else if (cp == 0xAD && (_options.Kind == SourceKind.Prose || _lexer.Advance(_text, p) != LexState.Code))
        {
            Add(p, length, cp, TextCategory.Invisible, Severity.Low, "soft-hyphen",
                "soft hyphen (a hyphenation hint) in prose, a comment or a string", FixAction.Remove);
        }
        else if (InWord(p, length))
        {
            Add(p, length, cp, TextCategory.Invisible, Severity.Medium, "invisible-in-word",
                $"invisible {CodePoints.Describe(cp)} inside a word or identifier", FixAction.Remove);
        }
        else
        {
            Add(p, length, cp, TextCategory.Invisible, Severity.Low, "invisible",
                $"invisible {CodePoints.Describe(cp)}", FixAction.Remove);
        }

        return p + length;
    }

    private int HandleWhitespace(int p, int length, int cp)
    {
        var state = _lexer.Advance(_text, p);
        if (state == LexState.Code)
        {
            Add(p, length, cp, TextCategory.Whitespace, Severity.Medium, "irregular-whitespace-in-code",
                $"irregular whitespace {CodePoints.Describe(cp)} in code looks like a space but is not one", FixAction.Space);
        }
        else
        {
            Add(p, length, cp, TextCategory.Whitespace, Severity.Low, "irregular-whitespace",
                $"irregular whitespace {CodePoints.Describe(cp)}", FixAction.Space);
        }

        return p + length;
    }

    private int HandleInvalid(int p)
    {
        var b0 = _text[p];
        var b1 = p + 1 < _text.Length ? _text[p + 1] : 0;
        var b2 = p + 2 < _text.Length ? _text[p + 2] : 0;
        var b3 = p + 3 < _text.Length ? _text[p + 3] : 0;
        static bool Cont(int b) => (b & 0xC0) == 0x80;
        int length, value;
        string rule;
        if (b0 is 0xC0 or 0xC1 && Cont(b1))
        {
            (length, value, rule) = (2, ((b0 & 0x1F) << 6) | (b1 & 0x3F), "overlong-utf8");
        }
        else if (b0 == 0xE0 && b1 is >= 0x80 and <= 0x9F && Cont(b2))
        {
            (length, value, rule) = (3, ((b1 & 0x3F) << 6) | (b2 & 0x3F), "overlong-utf8");
        }
        else if (b0 == 0xF0 && b1 is >= 0x80 and <= 0x8F && Cont(b2) && Cont(b3))
        {
            (length, value, rule) = (4, ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F), "overlong-utf8");
        }
        else if (b0 == 0xED && b1 is >= 0xA0 and <= 0xBF && Cont(b2))
        {
            (length, value, rule) = (3, 0xD000 | ((b1 & 0x3F) << 6) | (b2 & 0x3F), "surrogate-utf8");
        }
        else
        {
            _ = Rune.DecodeFromUtf8(_text[p..], out _, out length);
            (length, value, rule) = (Math.Max(1, length), 0xFFFD, "invalid-utf8");
        }

        var bytes = Convert.ToHexString(_text.Slice(p, length));
        if (rule == "overlong-utf8")
        {
            Add(p, length, value, TextCategory.InvalidUtf8, Severity.High, rule,
                $"overlong UTF-8 encoding (0x{bytes}) of {CodePoints.Format(value)}: decoders that accept it see a different character than filters do",
                FixAction.ReplacementCharacter);
        }
        else if (rule == "surrogate-utf8")
        {
            Add(p, length, value, TextCategory.InvalidUtf8, Severity.High, rule,
                $"UTF-8 encoded surrogate {CodePoints.Format(value)} (0x{bytes}) is not valid UTF-8", FixAction.ReplacementCharacter);
        }
        else
        {
            Add(p, length, 0xFFFD, TextCategory.InvalidUtf8, Severity.Medium, rule,
                $"invalid UTF-8 byte sequence 0x{bytes}", FixAction.ReplacementCharacter);
        }

        return p + length;
    }

    private void SyncLine(int p)
    {
        if (p <= _counted)
        {
            return;
        }

        var segment = _text[_counted..p];
        var newlines = segment.Count((byte)'\n');
        if (newlines > 0)
        {
            _line += newlines;
            _lineStart = _counted + segment.LastIndexOf((byte)'\n') + 1;
            FlushBidi();
        }

        _counted = p;
    }

    /// <summary>
    /// The 1-based code-point column of <paramref name="p"/> on the current line, counted on from the last
    /// column asked for, so a long minified line with many findings stays linear.
    /// </summary>
    private int Column(int p)
    {
        if (_columnLineStart != _lineStart || p < _lineStart)
        {
            _columnLineStart = _lineStart;
            _columnOffset = _lineStart;
            _column = 1;
        }

        _column += p >= _columnOffset
            ? Utf8Text.CountCodePoints(_text[_columnOffset..p])
            : -Utf8Text.CountCodePoints(_text[p.._columnOffset]);
        _columnOffset = p;
        return _column;
    }

    private void Add(int p, int length, int cp, TextCategory category, Severity severity, string rule, string message, FixAction fix)
    {
        if (severity == Severity.Info && !_options.IncludeInfo)
        {
            return;
        }

        _findings.Add(new TextFinding(_line, Column(p), cp, category, severity, rule, message, p, length, fix));
    }

    private readonly bool IsWordChar(int cp)
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

    private readonly bool InWord(int p, int length) =>
        IsWordChar(Utf8Text.Previous(_text, p, out _)) && IsWordChar(Utf8Text.Next(_text, p + length, out _));

    private readonly int ScriptOf(int cp) => cp < 0 ? 0 : UnicodeData.ScriptIndex(cp);

    /// <summary>True when the line starting at <paramref name="lineStart"/> has right-to-left letters.</summary>
    private bool LineHasRtl(int lineStart)
    {
        if (lineStart == _rtlLine)
        {
            return _rtlLineHas;
        }

        var end = _text[lineStart..].IndexOf((byte)'\n');
        var line = end < 0 ? _text[lineStart..] : _text.Slice(lineStart, end);
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
