using System.Text;

namespace Sov.Core.Permissions.Shell;

/// <summary>What <see cref="ShellParser"/> has read so far: the word being built, the words of the current
/// segment, the finished segments, and the constructs it saw but does not model.</summary>
internal sealed class ShellWords(string source, int depth)
{
    private readonly StringBuilder _word = new();
    private readonly List<string> _words = [];
    private int _wordStart;
    private bool _wordStartsUnquotedName = true;

    public bool InWord { get; private set; }
    public List<ShellSegment> Segments { get; } = [];
    public List<string> Unmodelled { get; } = [];
    public bool Incomplete { get; set; }

    public void Flag(string what)
    {
        if (!Unmodelled.Contains(what))
        {
            Unmodelled.Add(what);
        }
    }

    /// <summary>Flags <paramref name="what"/> and marks the parse incomplete.</summary>
    public void FlagIncomplete(string what)
    {
        Flag(what);
        Incomplete = true;
    }

    public void StartWord(int at)
    {
        if (!InWord)
        {
            InWord = true;
            _wordStart = at;
            _wordStartsUnquotedName = true;
        }
    }

    /// <summary>Starts a word at an expansion: such a word can never be a VAR=value prefix.</summary>
    public void StartExpansionWord(int at)
    {
        if (!InWord)
        {
            InWord = true;
            _wordStart = at;
            _wordStartsUnquotedName = false;
        }
    }

    public void Append(int at, char c)
    {
        StartWord(at);
        _word.Append(c);
    }

    /// <summary>Appends to the word already started (quoted or expanded text).</summary>
    public void AppendText(char c) => _word.Append(c);

    public void AppendText(string text) => _word.Append(text);

    /// <summary>A quote starts at <paramref name="at"/>: the word stays an assignment only if its '=' came before.</summary>
    public void Quoted(int at)
    {
        StartWord(at);
        _wordStartsUnquotedName = _wordStartsUnquotedName && at > _wordStart && source[_wordStart..at].Contains('=', StringComparison.Ordinal);
    }

    public void EndWord(int at)
    {
        if (!InWord)
        {
            return;
        }

        if (_words.Count == 0 && _wordStartsUnquotedName && IsAssignment(source[_wordStart..Math.Min(at, source.Length)]))
        {
            Flag("a VAR=value prefix");
        }

        _words.Add(_word.ToString());
        _word.Clear();
        InWord = false;
    }

    public void EndSegment(int at)
    {
        EndWord(at);
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
}
