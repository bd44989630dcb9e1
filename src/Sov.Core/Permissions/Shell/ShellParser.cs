namespace Sov.Core.Permissions.Shell;

/// <summary>The state machine behind <see cref="ShellTokenizer"/>; one instance per (nested) parse.</summary>
internal sealed class ShellParser(string source, int depth)
{
    private readonly ShellWords _w = new(source, depth);
    private int _i;

    public List<ShellSegment> Segments => _w.Segments;
    public List<string> Unmodelled => _w.Unmodelled;
    public bool Incomplete => _w.Incomplete;

    public void Run()
    {
        while (_i < source.Length)
        {
            var c = source[_i];
            switch (c)
            {
                case '\n' or '\r':
                    _w.Flag("a newline or carriage return");
                    _w.EndSegment(_i);
                    _i++;
                    break;
                case ' ' or '\t':
                    _w.EndWord(_i);
                    _i++;
                    break;
                case '\'':
                    ReadSingleQuoted();
                    break;
                case '"':
                    ReadDoubleQuoted();
                    break;
                case '\\':
                    ReadEscape();
                    break;
                case '$':
                    ReadDollar(inDoubleQuotes: false);
                    break;
                case '`':
                    ReadBackticks();
                    break;
                case ';':
                    _w.EndSegment(_i);
                    if (Peek(1) is ';' or '&')
                    {
                        _w.Flag("a case terminator (;; or ;&)");
                        _i++;
                    }

                    _i++;
                    break;
                case '&':
                    ReadAmpersand();
                    break;
                case '|':
                    _w.EndSegment(_i);
                    if (Peek(1) == '&')
                    {
                        _w.Flag("a |& pipe");
                        _i++;
                    }
                    else if (Peek(1) == '|')
                    {
                        _i++;
                    }

                    _i++;
                    break;
                case '<' or '>':
                    ReadRedirection();
                    break;
                case '(' or ')':
                    _w.Flag(_w.InWord && c == '(' ? "a function definition" : "a subshell or grouping ( )");
                    _w.EndSegment(_i);
                    _i++;
                    break;
                case '{' or '}':
                    _w.Flag(_w.InWord ? "brace expansion" : "a { } group");
                    Append(c);
                    _i++;
                    break;
                case '#' when !_w.InWord:
                    _w.Flag("a comment");
                    while (_i < source.Length && source[_i] is not ('\n' or '\r'))
                    {
                        _i++;
                    }

                    break;
                case '*' or '?' or '[':
                    _w.Flag("pathname expansion (glob characters)");
                    Append(c);
                    _i++;
                    break;
                case '!' when !_w.InWord:
                    _w.Flag("! (negation or history expansion)");
                    Append(c);
                    _i++;
                    break;
                default:
                    Append(c);
                    _i++;
                    break;
            }
        }

        _w.EndSegment(_i);
    }

    private void Append(char c) => _w.Append(_i, c);

    private char Peek(int offset) => _i + offset < source.Length ? source[_i + offset] : '\0';

    private void ReadSingleQuoted()
    {
        _w.Quoted(_i);
        var close = source.IndexOf('\'', _i + 1);
        var end = close < 0 ? source.Length : close;
        var text = source[(_i + 1)..end];
        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
        {
            _w.Flag("a newline or carriage return");
        }

        if (close < 0)
        {
            _w.FlagIncomplete("an unterminated quote");
        }

        _w.AppendText(text);
        _i = close < 0 ? source.Length : close + 1;
    }

    private void ReadDoubleQuoted()
    {
        _w.Quoted(_i);
        _i++;
        while (_i < source.Length)
        {
            var c = source[_i];
            if (c == '"')
            {
                _i++;
                return;
            }

            if (c == '\\' && Peek(1) is '$' or '`' or '"' or '\\' or '\n' or '\r')
            {
                if (Peek(1) is '\n' or '\r')
                {
                    _w.Flag("a newline or carriage return");
                }
                else
                {
                    _w.AppendText(Peek(1));
                }

                _i += 2;
                continue;
            }

            if (c == '$')
            {
                ReadDollar(inDoubleQuotes: true);
                continue;
            }

            if (c == '`')
            {
                ReadBackticks();
                continue;
            }

            if (c is '\n' or '\r')
            {
                _w.Flag("a newline or carriage return");
            }

            _w.AppendText(c);
            _i++;
        }

        _w.FlagIncomplete("an unterminated quote");
    }

    private void ReadEscape()
    {
        if (_i + 1 >= source.Length)
        {
            Append('\\');
            _i++;
            return;
        }

        var next = source[_i + 1];
        if (next is '\n' or '\r')
        {
            _w.Flag("a newline or carriage return (line continuation)");
            _i += 2;
            return;
        }

        _w.Quoted(_i);
        _w.AppendText(next);
        _i += 2;
    }

    private void ReadAmpersand()
    {
        if (Peek(1) == '&')
        {
            _w.EndSegment(_i);
            _i += 2;
        }
        else if (Peek(1) == '>')
        {
            _w.Flag("a redirection");
            _w.EndWord(_i);
            _i += 2;
            if (Peek(0) == '>')
            {
                _i++;
            }
        }
        else
        {
            _w.Flag("a background job (&)");
            _w.EndSegment(_i);
            _i++;
        }
    }

    private void ReadRedirection()
    {
        if (Peek(1) == '(')
        {
            _w.Flag("process substitution <( ) or >( )");
            _w.EndWord(_i);
            var close = FindClose(_i + 2, '(', ')');
            Nest(source[(_i + 2)..Math.Min(close, source.Length)]);
            _i = close + 1;
            return;
        }

        _w.Flag("a redirection");
        _w.EndWord(_i);
        while (_i < source.Length && source[_i] is '<' or '>' or '&' or '|' or '-')
        {
            _i++;
        }
    }

    private void ReadDollar(bool inDoubleQuotes)
    {
        var next = Peek(1);
        var start = _i;
        if (next == '(')
        {
            _w.Flag(Peek(2) == '(' ? "arithmetic expansion $(( ))" : "command substitution $( )");
            var close = FindClose(_i + 2, '(', ')');
            Nest(source[(_i + 2)..Math.Min(close, source.Length)]);
            _i = Math.Min(close + 1, source.Length);
        }
        else if (next == '{')
        {
            _w.Flag("parameter expansion ${ }");
            _i = Math.Min(FindClose(_i + 2, '{', '}') + 1, source.Length);
        }
        else if (next == '\'' && !inDoubleQuotes)
        {
            _w.Flag("ANSI-C quoting $' '");
            var j = _i + 2;
            while (j < source.Length && source[j] != '\'')
            {
                j += source[j] == '\\' ? 2 : 1;
            }

            _i = Math.Min(j + 1, source.Length);
        }
        else if (next == '"' && !inDoubleQuotes)
        {
            _w.Flag("locale quoting $\" \"");
            _i++;
            return;
        }
        else if (char.IsAsciiLetter(next) || next == '_')
        {
            _w.Flag("variable expansion $NAME");
            _i++;
            while (_i < source.Length && (char.IsAsciiLetterOrDigit(source[_i]) || source[_i] == '_'))
            {
                _i++;
            }
        }
        else if (char.IsAsciiDigit(next) || next is '@' or '*' or '#' or '?' or '$' or '!' or '-')
        {
            _w.Flag("special parameter $" + next);
            _i += 2;
        }
        else
        {
            Append('$');
            _i++;
            return;
        }

        // Keep the raw text in the word, so deny patterns still see it.
        _w.StartExpansionWord(start);
        _w.AppendText(source[start..Math.Min(_i, source.Length)]);
    }

    private void ReadBackticks()
    {
        _w.Flag("backtick command substitution");
        var start = _i;
        var inner = ShellBrackets.Backticks(source, _i, out var j);
        if (j >= source.Length)
        {
            _w.FlagIncomplete("an unterminated quote");
        }

        Nest(inner);
        _i = Math.Min(j + 1, source.Length);
        _w.StartExpansionWord(start);
        _w.AppendText(source[start.._i]);
    }

    private void Nest(string text)
    {
        if (depth + 1 > ShellTokenizer.MaxNesting)
        {
            _w.FlagIncomplete($"substitutions nested deeper than {ShellTokenizer.MaxNesting}");
            return;
        }

        var nested = ShellTokenizer.ParseNested(text, depth + 1);
        Segments.AddRange(nested.Segments);
        foreach (var what in nested.Unmodelled)
        {
            _w.Flag(what);
        }

        _w.Incomplete |= nested.Incomplete;
    }

    /// <summary>The index of the bracket closing one opened just before <paramref name="from"/>; the end of the
    /// source (flagged) when it is never closed.</summary>
    private int FindClose(int from, char open, char close)
    {
        var at = ShellBrackets.FindClose(source, from, open, close);
        if (at < 0)
        {
            _w.FlagIncomplete("an unterminated substitution");
            return source.Length;
        }

        return at;
    }
}
