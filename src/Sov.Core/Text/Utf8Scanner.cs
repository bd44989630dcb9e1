using System.Runtime.CompilerServices;

namespace Sov.Core.Text;

/// <summary>
/// The slow path of the classifier, entered at the first suspect byte: decodes only around hits and hands each
/// one to the rule for its kind (controls, invalid UTF-8, bidi, tags, variation selectors, zero-width,
/// whitespace, invisible, unassigned, identifiers). The rules share one <see cref="ScanCursor"/> (line,
/// column, lexer, findings); those that remember something across hits (open bidi controls, identifiers
/// seen) are fields here. Every call is direct: no dispatch per character.
/// </summary>
internal ref struct Utf8Scanner
{
    private ScanCursor _cursor;
    private BidiRule _bidi;
    private IdentifierRule _identifiers;

    public Utf8Scanner(ReadOnlySpan<byte> text, ClassifyOptions options, List<TextFinding> findings)
    {
        _cursor = new ScanCursor(text, options, findings);
    }

    /// <summary>Runs from <paramref name="first"/>; <paramref name="carriageReturn"/> is the first mid-line CR or -1 (none, or old-Mac line ends).</summary>
    public void Run(int first, int carriageReturn)
    {
        var text = _cursor.Text;
        var pos = first;
        var cr = carriageReturn;
        while (pos < text.Length)
        {
            var i = TextClassifier.IndexOfSuspect(text[pos..]);
            if (cr >= 0 && cr < pos)
            {
                cr = CarriageReturnRule.NextLone(text, pos);
            }

            if (cr >= 0 && (i < 0 || cr < pos + i))
            {
                SyncLine(cr);
                pos = CarriageReturnRule.Check(ref _cursor, cr);
                continue;
            }

            if (i < 0)
            {
                break;
            }

            var p = pos + i;
            SyncLine(p);
            if (text[p] < 0x80)
            {
                pos = ControlRule.Check(ref _cursor, p);
                continue;
            }

            var cp = Utf8Text.Next(text, p, out var length);
            pos = cp < 0 ? InvalidUtf8Rule.Check(ref _cursor, p) : CodePoint(p, length, cp);
        }

        SyncLine(text.Length);
        _bidi.Flush(ref _cursor);
        _identifiers.Finish(ref _cursor);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SyncLine(int p)
    {
        if (_cursor.SyncLine(p))
        {
            _bidi.Flush(ref _cursor);
        }
    }

    private int CodePoint(int p, int length, int cp)
    {
        var flags = UnicodeData.Flags(cp);
        if (cp < 0xA0)
        {
            return ControlRule.C1(ref _cursor, p, length, cp);
        }

        var hazard = (flags & (UnicodeData.DefaultIgnorable | UnicodeData.WhiteSpace)) != 0
            || (flags & UnicodeData.Assigned) == 0
            || CodePoints.IsPrivateUse(cp);
        if (!hazard)
        {
            if (CodePoints.IsBlankGlyph(cp))
            {
                return InvisibleRule.Blank(ref _cursor, p, length, cp);
            }

            if ((flags & UnicodeData.IdContinue) != 0 && p >= _identifiers.TokenEnd)
            {
                _identifiers.Check(ref _cursor, p);
            }

            return p + length;
        }

        return cp switch
        {
            _ when CodePoints.IsBidiExplicit(cp) => _bidi.Explicit(ref _cursor, p, length, cp),
            _ when CodePoints.IsBidiMark(cp) => BidiRule.Mark(ref _cursor, p, length, cp),
            _ when CodePoints.IsTag(cp) => TagRule.Check(ref _cursor, p),
            _ when CodePoints.IsVariationSelector(cp) || CodePoints.IsMongolianSelector(cp) => VariationSelectorRule.Check(ref _cursor, p, length, cp),
            0xFEFF => InvisibleRule.Bom(ref _cursor, p, length, cp),
            _ when CodePoints.IsZeroWidth(cp) => ZeroWidthRule.Check(ref _cursor, p, length, cp),
            _ when (flags & UnicodeData.WhiteSpace) != 0 => WhitespaceRule.Check(ref _cursor, p, length, cp),
            _ when CodePoints.IsPrivateUse(cp) => InvisibleRule.PrivateUse(ref _cursor, p, length, cp),
            _ when (flags & UnicodeData.Assigned) == 0 => UnassignedRule.Check(ref _cursor, p, length, cp, flags),
            _ => InvisibleRule.Check(ref _cursor, p, length, cp),
        };
    }
}
