using System.Text;

namespace Sov.Cli.Terminal.Render;

/// <summary>
/// Writes text from outside (model text, reasoning, tool output, arguments) as rows that each begin with a
/// trusted prefix written here: the gutter for model text, the approval box's own marked prefix for the
/// arguments it shows. Rows are broken before the terminal's last column (<see cref="Columns"/> counts
/// generously), so no row of untrusted text ever starts at column 0 without its prefix, not even where a
/// long line would have wrapped. (Pinned attack, issue #12: a fake approval prompt drawn in model text,
/// and arguments that add lines to the approval box.)
/// </summary>
/// <param name="next">The prefix of every row after the first, when it differs (a box's first row has its corner).</param>
public sealed class FencedRows(TerminalSurface surface, string first, Style prefixStyle = Style.Dim, bool marked = false, string? next = null)
{
    private const int LongestWord = 24;
    private readonly StringBuilder _run = new();
    private readonly int _mark = marked ? Columns.Of(PromptMark.Glyph) : 0;
    private bool _started;
    private int _column = -1;
    private int _rowStart;

    /// <summary>Rows that begin with the gutter: model text.</summary>
    public static FencedRows Gutter(TerminalSurface surface) => new(surface, PromptMark.Gutter);

    /// <summary>All of <paramref name="text"/> as rows that each start with <paramref name="prefix"/>, in one style.</summary>
    public static void Lines(TerminalSurface surface, string prefix, string text, Style style) =>
        new FencedRows(surface, prefix, style).WriteLines(text, style);

    /// <summary>Text in one style; a newline ends the row, a row about to reach the last column is broken.</summary>
    public void Write(string text, Style style = Style.Plain)
    {
        ArgumentNullException.ThrowIfNull(text);
        var limit = surface.Width - 1;
        foreach (var rune in PromptMark.Neutralise(TerminalSafe.Text(text)).EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                Flush(style);
                EndLine();
                continue;
            }

            var width = Columns.Of(rune.Value);
            if (_column < 0)
            {
                StartRow();
            }
            else if (_column + width > Math.Max(limit, _rowStart + 8) && _column > _rowStart)
            {
                var carried = WordTail();
                Flush(style);
                surface.Writer.Write('\n');
                StartRow();
                _run.Append(carried);
                _column += Columns.Of(carried);
            }

            _run.Append(rune.ToString());
            _column += width;
        }

        Flush(style);
    }

    /// <summary>Ends the current row (a row with only its prefix when nothing was written).</summary>
    public void EndLine()
    {
        if (_column < 0)
        {
            StartRow();
        }

        surface.Writer.Write('\n');
        surface.Writer.Flush();
        _column = -1;
    }

    /// <summary>Each line of <paramref name="text"/> as rows of its own.</summary>
    public void WriteLines(string text, Style style = Style.Plain)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(text, style);
        EndLine();
    }

    private void StartRow()
    {
        if (marked)
        {
            surface.Mark();
        }

        var prefix = _started ? next ?? first : first;
        surface.Write(prefix, prefixStyle);
        _column = _rowStart = _mark + Columns.Of(prefix);
        _started = true;
    }

    /// <summary>The word being written when a row fills up, taken off the run to start the next row (none when the word is long).</summary>
    private string WordTail()
    {
        var space = _run.ToString().LastIndexOf(' ');
        if (space < 0 || _run.Length - space - 1 > LongestWord)
        {
            return "";
        }

        var tail = _run.ToString(space + 1, _run.Length - space - 1);
        _run.Length = space + 1;
        return tail;
    }

    private void Flush(Style style)
    {
        if (_run.Length > 0)
        {
            surface.Write(_run.ToString(), style);
            _run.Clear();
        }
    }
}
