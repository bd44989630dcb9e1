using System.Text;

namespace Sov.Cli.Terminal.Render;

/// <summary>
/// Streams assistant Markdown into normal scrollback, one complete line at a time (newline-gated), so
/// nothing already printed is ever redrawn and the terminal's own scrollback, copy and search keep
/// working. Headings, lists, emphasis and inline code are styled; fenced code blocks are set off with a
/// bar and never styled inside. Links and images are printed as text, never fetched. Every row starts with
/// the gutter (<see cref="FencedRows"/>): model text is always set off from Sovereign's own lines.
/// </summary>
public sealed class MarkdownStream(TerminalSurface surface)
{
    private readonly FencedRows _rows = FencedRows.Gutter(surface);
    private readonly StringBuilder _pending = new();
    private bool _inFence;

    public void Append(string delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        _pending.Append(delta);
        int newline;
        while ((newline = IndexOfNewline()) >= 0)
        {
            var line = _pending.ToString(0, newline).TrimEnd('\r');
            _pending.Remove(0, newline + 1);
            RenderLine(line);
        }
    }

    /// <summary>The turn ended: print whatever partial line is left and close any open fence.</summary>
    public void Flush()
    {
        if (_pending.Length > 0)
        {
            RenderLine(_pending.ToString());
            _pending.Clear();
        }

        _inFence = false;
        surface.Writer.Flush();
    }

    private int IndexOfNewline()
    {
        for (var i = 0; i < _pending.Length; i++)
        {
            if (_pending[i] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private void RenderLine(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
        {
            var language = trimmed[3..].Trim();
            _inFence = !_inFence;
            _rows.WriteLines(_inFence ? "┌─" + (language.Length > 0 ? " " + language : "") : "└─", Style.Dim);
            return;
        }

        if (_inFence)
        {
            _rows.Write("│ ", Style.Dim);
            _rows.WriteLines(line, Style.Code);
            return;
        }

        if (trimmed.StartsWith('#'))
        {
            var level = trimmed.TakeWhile(c => c == '#').Count();
            if (level <= 6 && trimmed.Length > level && trimmed[level] == ' ')
            {
                _rows.WriteLines(trimmed[(level + 1)..], Style.Heading);
                return;
            }
        }

        var indent = line.Length - trimmed.Length;
        if (trimmed.Length > 2 && trimmed[0] is '-' or '*' or '+' && trimmed[1] == ' ')
        {
            _rows.Write(new string(' ', indent) + "• ");
            Inline(trimmed[2..]);
            _rows.EndLine();
            return;
        }

        if (trimmed.StartsWith('>'))
        {
            _rows.Write("▎ ", Style.Dim);
            Inline(trimmed[1..].TrimStart());
            _rows.EndLine();
            return;
        }

        Inline(line);
        _rows.EndLine();
    }

    /// <summary>`code`, **bold** and *italic*; anything unbalanced is printed as typed.</summary>
    private void Inline(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (TrySpan(text, ref i, "`", Style.Code) || TrySpan(text, ref i, "**", Style.Bold) || TrySpan(text, ref i, "*", Style.Italic))
            {
                continue;
            }

            var next = text.IndexOfAny(['`', '*'], i + 1);
            var end = next < 0 ? text.Length : next;
            _rows.Write(text[i..end]);
            i = end;
        }
    }

    private bool TrySpan(string text, ref int i, string marker, Style style)
    {
        if (string.CompareOrdinal(text, i, marker, 0, marker.Length) != 0)
        {
            return false;
        }

        var close = text.IndexOf(marker, i + marker.Length, StringComparison.Ordinal);
        if (close <= i + marker.Length)
        {
            return false;
        }

        _rows.Write(text[(i + marker.Length)..close], style);
        i = close + marker.Length;
        return true;
    }
}
