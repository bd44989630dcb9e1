using System.Buffers;

namespace Sov.Core.Text;

/// <summary>
/// A rough, forward-only lexer that knows just enough to say whether a position is code, a comment or
/// a string, and counts how many times that changed (a bidi control whose pair straddles a change
/// crosses a comment or string boundary). It jumps between delimiters with vectorised searches.
/// </summary>
internal struct Lexer(SourceKind language)
{
    private static readonly SearchValues<byte> LineEnds = SearchValues.Create([(byte)'\n', (byte)0xE2]);

    private static readonly SearchValues<byte> CLikeCode = SearchValues.Create("/\"'`"u8);
    private static readonly SearchValues<byte> HashCode = SearchValues.Create("#\"'"u8);
    private static readonly SearchValues<byte> StringStops = SearchValues.Create("\"'`\\\n"u8);

    private readonly SourceKind _kind = SourceKinds.Syntax(language);
    private readonly bool _separatorsEndLines = SourceKinds.SeparatorsEndLines(language);
    private readonly bool _csharp = language == SourceKind.CSharp;
    private int _position;
    private byte _quote;
    private bool _triple;
    private int _raw;
    private bool _verbatim;
    private bool _block;
    private int _blockEnd = -1;

    public LexState State { get; private set; } = SourceKinds.IsProse(language) ? LexState.Prose : LexState.Code;

    /// <summary>True inside a comment that runs to the end of the line (<c>//</c> or <c>#</c>), not a block comment.</summary>
    public readonly bool InLineComment => State == LexState.Comment && !_block;

    /// <summary>How many times the state has changed so far.</summary>
    public int Transitions { get; private set; }

    /// <summary>Consumes <paramref name="text"/> up to (not including) <paramref name="to"/> and returns the state there.</summary>
    public LexState Advance(ReadOnlySpan<byte> text, int to)
    {
        if (_kind is SourceKind.Prose or SourceKind.Plain || to <= _position)
        {
            _position = Math.Max(_position, to);
            return State;
        }

        while (_position < to)
        {
            var rest = text[_position..to];
            switch (State)
            {
                case LexState.Code:
                {
                    var i = rest.IndexOfAny(_kind == SourceKind.CLike ? CLikeCode : HashCode);
                    if (i < 0)
                    {
                        _position = to;
                        break;
                    }

                    var p = _position + i;
                    var b = text[p];
                    var next = p + 1 < text.Length ? text[p + 1] : (byte)0;
                    if (b == '/')
                    {
                        if (next is (byte)'/' or (byte)'*')
                        {
                            _block = next == '*';
                            Enter(LexState.Comment);
                            _position = p + 2;
                        }
                        else
                        {
                            _position = p + 1;
                        }
                    }
                    else if (b == '#')
                    {
                        _block = false;
                        Enter(LexState.Comment);
                        _position = p + 1;
                    }
                    else
                    {
                        _quote = b;
                        _triple = _kind == SourceKind.Hash && next == b && p + 2 < text.Length && text[p + 2] == b;
                        (_raw, _verbatim) = _csharp && b == '"' ? CSharpString(text, p) : (0, false);
                        Enter(LexState.String);
                        _position = p + (_triple ? 3 : Math.Max(_raw, 1));
                    }

                    break;
                }

                case LexState.Comment:
                {
                    if (_block)
                    {
                        // Positions handed in are never inside "*/" (they point at non-ASCII bytes or the end).
                        if (_blockEnd < _position)
                        {
                            var i = text[_position..].IndexOf("*/"u8);
                            _blockEnd = i < 0 ? int.MaxValue : _position + i;
                        }

                        if (_blockEnd >= to)
                        {
                            _position = to;
                            break;
                        }

                        _position = _blockEnd + 2;
                    }
                    else
                    {
                        var i = LineCommentEnd(rest);
                        if (i < 0)
                        {
                            _position = to;
                            break;
                        }

                        _position += i;
                    }

                    Enter(LexState.Code);
                    break;
                }

                case LexState.String when _raw > 0 || _verbatim:
                {
                    var i = rest.IndexOf((byte)'"');
                    if (i < 0)
                    {
                        _position = to;
                        break;
                    }

                    var p = _position + i;
                    var quotes = Quotes(text, p);
                    _position = p + quotes;
                    if (_verbatim ? quotes % 2 == 1 : quotes >= _raw)
                    {
                        Enter(LexState.Code);
                    }

                    break;
                }

                case LexState.String:
                {
                    var i = rest.IndexOfAny(StringStops);
                    if (i < 0)
                    {
                        _position = to;
                        break;
                    }

                    var p = _position + i;
                    var b = text[p];
                    if (b == '\\')
                    {
                        _position = p + 2;
                    }
                    else if (b == '\n')
                    {
                        _position = p + 1;
                        if (_quote != '`' && !_triple)
                        {
                            Enter(LexState.Code);
                        }
                    }
                    else if (b == _quote)
                    {
                        if (_triple)
                        {
                            if (p + 2 < text.Length && text[p + 1] == b && text[p + 2] == b)
                            {
                                _position = p + 3;
                                Enter(LexState.Code);
                            }
                            else
                            {
                                _position = p + 1;
                            }
                        }
                        else
                        {
                            _position = p + 1;
                            Enter(LexState.Code);
                        }
                    }
                    else
                    {
                        _position = p + 1;
                    }

                    break;
                }

                default:
                    _position = to;
                    break;
            }
        }

        return State;
    }

    /// <summary>
    /// Where a line comment ends in <paramref name="rest"/> (just after the terminator), or -1: a newline, and in
    /// JavaScript/TypeScript and C# also U+2028/U+2029 (E2 80 A8/A9), after which the rest of the line is code (#21).
    /// </summary>
    private readonly int LineCommentEnd(ReadOnlySpan<byte> rest)
    {
        if (!_separatorsEndLines)
        {
            var n = rest.IndexOf((byte)'\n');
            return n < 0 ? -1 : n + 1;
        }

        var from = 0;
        while (from < rest.Length)
        {
            var i = rest[from..].IndexOfAny(LineEnds);
            if (i < 0)
            {
                return -1;
            }

            var at = from + i;
            if (rest[at] == '\n')
            {
                return at + 1;
            }

            if (at + 2 < rest.Length && rest[at + 1] == 0x80 && rest[at + 2] is 0xA8 or 0xA9)
            {
                return at + 3;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <summary>
    /// #21: a C# string opening at the quote at <paramref name="p"/>: a raw string (three or more quotes, ended by as
    /// many, spanning lines) gives its quote count; a verbatim one (<c>@"</c>, <c>$@"</c>, <c>@$"</c>: no escapes,
    /// <c>""</c> for a quote, spanning lines) gives true. A marker inside either is text, not a comment.
    /// </summary>
    private static (int Raw, bool Verbatim) CSharpString(ReadOnlySpan<byte> text, int p)
    {
        if (p > 0 && (text[p - 1] == '@' || (p > 1 && text[p - 1] == '$' && text[p - 2] == '@')))
        {
            return (0, true);
        }

        var quotes = Quotes(text, p);
        return (quotes >= 3 ? quotes : 0, false);
    }

    private static int Quotes(ReadOnlySpan<byte> text, int p)
    {
        var n = 0;
        while (p + n < text.Length && text[p + n] == '"')
        {
            n++;
        }

        return n;
    }

    private void Enter(LexState state)
    {
        State = state;
        Transitions++;
    }
}
