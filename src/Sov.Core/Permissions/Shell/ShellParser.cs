using System.Text;

namespace Sov.Core.Permissions.Shell;

/// <summary>The state machine behind <see cref="ShellTokenizer"/>; one instance per (nested) parse.</summary>
internal sealed class ShellParser(string source, int depth)
{
    private readonly StringBuilder _word = new();
    private readonly List<string> _words = [];
    private bool _inWord;
    private int _wordStart;
    private bool _wordStartsUnquotedName = true;
    private int _i;

    public List<ShellSegment> Segments { get; } = [];
    public List<string> Unmodelled { get; } = [];
    public bool Incomplete { get; private set; }

    public void Run()
    {
        while (_i < source.Length)
        {
            var c = source[_i];
            switch (c)
            {
                case '\n' or '\r':
                    Flag("a newline or carriage return");
                    EndSegment();
                    _i++;
                    break;
                case ' ' or '\t':
                    EndWord();
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
                    EndSegment();
                    if (Peek(1) is ';' or '&')
                    {
                        Flag("a case terminator (;; or ;&)");
                        _i++;
                    }

                    _i++;
                    break;
                case '&':
                    ReadAmpersand();
                    break;
                case '|':
                    EndSegment();
                    if (Peek(1) == '&')
                    {
                        Flag("a |& pipe");
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
                    Flag(_inWord && c == '(' ? "a function definition" : "a subshell or grouping ( )");
                    EndSegment();
                    _i++;
                    break;
                case '{' or '}':
                    Flag(_inWord ? "brace expansion" : "a { } group");
                    Append(c);
                    _i++;
                    break;
                case '#' when !_inWord:
                    Flag("a comment");
                    while (_i < source.Length && source[_i] is not ('\n' or '\r'))
                    {
                        _i++;
                    }

                    break;
                case '*' or '?' or '[':
                    Flag("pathname expansion (glob characters)");
                    Append(c);
                    _i++;
                    break;
                case '!' when !_inWord:
                    Flag("! (negation or history expansion)");
                    Append(c);
                    _i++;
                    break;
                default:
                    Append(c);
                    _i++;
                    break;
            }
        }

        EndSegment();
    }

    private char Peek(int offset) => _i + offset < source.Length ? source[_i + offset] : '\0';

    private void Flag(string what)
    {
        if (!Unmodelled.Contains(what))
        {
            Unmodelled.Add(what);
        }
    }

    private void StartWord()
    {
        if (!_inWord)
        {
            _inWord = true;
            _wordStart = _i;
            _wordStartsUnquotedName = true;
        }
    }

    private void Append(char c)
    {
        StartWord();
        _word.Append(c);
    }

    private void Quoted()
    {
        StartWord();
        _wordStartsUnquotedName = _wordStartsUnquotedName && _i > _wordStart && source[_wordStart.._i].Contains('=', StringComparison.Ordinal);
    }

    private void EndWord()
    {
        if (!_inWord)
        {
            return;
        }

        if (_words.Count == 0 && _wordStartsUnquotedName && IsAssignment(source[_wordStart..Math.Min(_i, source.Length)]))
        {
            Flag("a VAR=value prefix");
        }

        _words.Add(_word.ToString());
        _word.Clear();
        _inWord = false;
    }

    private void EndSegment()
    {
        EndWord();
        if (_words.Count > 0)
        {
            Segments.Add(new ShellSegment(_words.ToArray(), depth > 0));
            _words.Clear();
        }
    }

    private static bool IsAssignment(string raw)
    {
        var eq = raw.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return false;
        }

        var name = raw[..eq].TrimEnd('+');
        return name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_' || ch == '[' || ch == ']');
    }

    private void ReadSingleQuoted()
    {
        Quoted();
        var close = source.IndexOf('\'', _i + 1);
        var end = close < 0 ? source.Length : close;
        var text = source[(_i + 1)..end];
        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
        {
            Flag("a newline or carriage return");
        }

        if (close < 0)
        {
            Flag("an unterminated quote");
            Incomplete = true;
        }

        _word.Append(text);
        _i = close < 0 ? source.Length : close + 1;
    }

    private void ReadDoubleQuoted()
    {
        Quoted();
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
                    Flag("a newline or carriage return");
                }
                else
                {
                    _word.Append(Peek(1));
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
                Flag("a newline or carriage return");
            }

            _word.Append(c);
            _i++;
        }

        Flag("an unterminated quote");
        Incomplete = true;
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
            Flag("a newline or carriage return (line continuation)");
            _i += 2;
            return;
        }

        Quoted();
        _word.Append(next);
        _i += 2;
    }

    private void ReadAmpersand()
    {
        if (Peek(1) == '&')
        {
            EndSegment();
            _i += 2;
        }
        else if (Peek(1) == '>')
        {
            Flag("a redirection");
            EndWord();
            _i += 2;
            if (Peek(0) == '>')
            {
                _i++;
            }
        }
        else
        {
            Flag("a background job (&)");
            EndSegment();
            _i++;
        }
    }

    private void ReadRedirection()
    {
        if (Peek(1) == '(')
        {
            Flag("process substitution <( ) or >( )");
            EndWord();
            var close = FindClose(_i + 2, '(', ')');
            Nest(source[(_i + 2)..Math.Min(close, source.Length)]);
            _i = close + 1;
            return;
        }

        Flag("a redirection");
        EndWord();
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
            Flag(Peek(2) == '(' ? "arithmetic expansion $(( ))" : "command substitution $( )");
            var close = FindClose(_i + 2, '(', ')');
            Nest(source[(_i + 2)..Math.Min(close, source.Length)]);
            _i = Math.Min(close + 1, source.Length);
        }
        else if (next == '{')
        {
            Flag("parameter expansion ${ }");
            _i = Math.Min(FindClose(_i + 2, '{', '}') + 1, source.Length);
        }
        else if (next == '\'' && !inDoubleQuotes)
        {
            Flag("ANSI-C quoting $' '");
            var j = _i + 2;
            while (j < source.Length && source[j] != '\'')
            {
                j += source[j] == '\\' ? 2 : 1;
            }

            _i = Math.Min(j + 1, source.Length);
        }
        else if (next == '"' && !inDoubleQuotes)
        {
            Flag("locale quoting $\" \"");
            _i++;
            return;
        }
        else if (char.IsAsciiLetter(next) || next == '_')
        {
            Flag("variable expansion $NAME");
            _i++;
            while (_i < source.Length && (char.IsAsciiLetterOrDigit(source[_i]) || source[_i] == '_'))
            {
                _i++;
            }
        }
        else if (char.IsAsciiDigit(next) || next is '@' or '*' or '#' or '?' or '$' or '!' or '-')
        {
            Flag("special parameter $" + next);
            _i += 2;
        }
        else
        {
            Append('$');
            _i++;
            return;
        }

        // Keep the raw text in the word, so deny patterns still see it.
        StartWordAt(start);
        _word.Append(source[start..Math.Min(_i, source.Length)]);
    }

    private void StartWordAt(int start)
    {
        if (!_inWord)
        {
            _inWord = true;
            _wordStart = start;
            _wordStartsUnquotedName = false;
        }
    }

    private void ReadBackticks()
    {
        Flag("backtick command substitution");
        var start = _i;
        var j = _i + 1;
        var inner = new StringBuilder();
        while (j < source.Length && source[j] != '`')
        {
            if (source[j] == '\\' && j + 1 < source.Length)
            {
                inner.Append(source[j + 1]);
                j += 2;
                continue;
            }

            inner.Append(source[j]);
            j++;
        }

        if (j >= source.Length)
        {
            Flag("an unterminated quote");
            Incomplete = true;
        }

        Nest(inner.ToString());
        _i = Math.Min(j + 1, source.Length);
        StartWordAt(start);
        _word.Append(source[start.._i]);
    }

    private void Nest(string text)
    {
        if (depth + 1 > ShellTokenizer.MaxNesting)
        {
            Flag($"substitutions nested deeper than {ShellTokenizer.MaxNesting}");
            Incomplete = true;
            return;
        }

        var nested = ShellTokenizer.ParseNested(text, depth + 1);
        Segments.AddRange(nested.Segments);
        foreach (var what in nested.Unmodelled)
        {
            Flag(what);
        }

        Incomplete |= nested.Incomplete;
    }

    /// <summary>The index of the bracket closing one opened just before <paramref name="from"/>, quote-aware.</summary>
    private int FindClose(int from, char open, char close)
    {
        var level = 1;
        var j = from;
        while (j < source.Length)
        {
            var c = source[j];
            if (c == '\\')
            {
                j += 2;
                continue;
            }

            if (c == '\'')
            {
                var q = source.IndexOf('\'', j + 1);
                j = q < 0 ? source.Length : q + 1;
                continue;
            }

            if (c == open)
            {
                level++;
            }
            else if (c == close && --level == 0)
            {
                return j;
            }

            j++;
        }

        Flag("an unterminated substitution");
        Incomplete = true;
        return source.Length;
    }
}
