using System.Text;

namespace Sov.Core.Web;

/// <summary>
/// The output side of <see cref="HtmlToMarkdown"/>: collapses whitespace outside <c>pre</c>, keeps blocks apart by one
/// blank line, and starts each line with the quote marks and list indent in effect.
/// </summary>
internal sealed class MarkdownWriter
{
    private readonly StringBuilder _out = new();
    private int _newlines; // owed before the next text: 1 ends the line, 2 leaves a blank line
    private bool _space;
    private bool _lineStart = true;

    public int QuoteDepth { get; set; }

    public string Indent { get; set; } = "";

    public bool Preformatted { get; set; }

    public int Length => _out.Length;

    /// <summary>Text from the page: whitespace runs become one space (all of it kept inside <c>pre</c>).</summary>
    public void Text(string text)
    {
        if (Preformatted)
        {
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    Line();
                }

                if (lines[i].Length > 0)
                {
                    Raw(lines[i]);
                }
            }

            return;
        }

        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                Flush(word);
                _space = true;
            }
            else
            {
                word.Append(c);
            }
        }

        Flush(word);
    }

    /// <summary>Markup of our own (<c>**</c>, <c>[</c>, <c>- </c>) glued to what comes next.</summary>
    public void Mark(string mark, bool spaceBefore = true)
    {
        if (!spaceBefore)
        {
            _space = false;
        }

        Raw(mark);
    }

    /// <summary>Markup that closes what came before (<c>**</c>, <c>](url)</c>): no space owed goes before it.</summary>
    public void Close(string mark)
    {
        var space = _space;
        _space = false;
        Raw(mark);
        _space = space;
    }

    public void Line() => _newlines = Math.Max(_newlines, _out.Length == 0 ? 0 : 1);

    public void Block() => _newlines = _out.Length == 0 ? 0 : 2;

    private void Flush(StringBuilder word)
    {
        if (word.Length > 0)
        {
            Raw(word.ToString());
            word.Clear();
        }
    }

    private void Raw(string text)
    {
        if (_newlines > 0)
        {
            while (_out.Length > 0 && _out[^1] == ' ')
            {
                _out.Length--;
            }

            _out.Append('\n', _newlines);
            _newlines = 0;
            _lineStart = true;
        }

        if (_lineStart)
        {
            _out.Append(string.Concat(Enumerable.Repeat("> ", QuoteDepth))).Append(Indent);
            _lineStart = false;
            _space = false;
        }
        else if (_space)
        {
            _out.Append(' ');
        }

        _space = false;
        _out.Append(text);
    }

    public override string ToString() => _out.ToString().Trim('\n', ' ');
}
