using System.Text;

namespace Sov.Cli.Terminal.Input;

/// <summary>
/// The prompt's line editor. Enter sends; Alt+Enter, or Enter after a trailing backslash, adds a line;
/// keys already waiting when Enter arrives are a paste, so their newlines stay in the text. Up/Down walk
/// the history, Ctrl-C abandons the line, Ctrl-D on an empty line ends the session. The text is shown on
/// one row that scrolls sideways, newlines as ↵, so redrawing never fights the terminal's wrapping.
/// Emacs keys: Ctrl-A/E home/end, Ctrl-U/K kill to start/end, Ctrl-W delete word. At the prompt (not at an answer),
/// Shift+Tab asks to cycle the permission mode and Esc Esc on an empty line asks to rewind (#17); the text typed so far
/// waits for the next <see cref="Read"/>, and Esc Esc on a line with text clears it.
/// </summary>
public sealed class LineEditor(IKeySource keys, TerminalSurface surface, InputHistory history)
{
    private readonly StringBuilder _text = new();
    private int _cursor;
    private string? _kept;

    /// <summary>Reads one line; with <paramref name="marked"/> the prompt row starts with the approval mark (<see cref="PromptMark"/>).</summary>
    public EditorResult Read(string prompt, bool marked = false)
    {
        _text.Clear();
        if (!marked)
        {
            _text.Append(_kept ?? "");
            _kept = null;
        }

        _cursor = _text.Length;
        var browsing = history.Count;
        var draft = "";
        var escaped = false;
        Render(prompt, marked);
        while (true)
        {
            var key = keys.ReadKey();
            var ctrl = (key.Modifiers & ConsoleModifiers.Control) != 0;
            var escape = key.Key == ConsoleKey.Escape && !marked;
            if (escape && (escaped || (key.Modifiers & ConsoleModifiers.Alt) != 0))
            {
                if (_text.Length == 0)
                {
                    surface.Writer.Write("\r\e[K");
                    return new EditorResult(EditorOutcome.Rewind, "");
                }

                Replace("");
                escaped = false;
                Render(prompt, marked);
                continue;
            }

            escaped = escape;
            switch (key.Key)
            {
                case ConsoleKey.Escape:
                    break;
                case ConsoleKey.Tab when (key.Modifiers & ConsoleModifiers.Shift) != 0 && !marked:
                    _kept = _text.ToString();
                    surface.Writer.Write("\r\e[K");
                    return new EditorResult(EditorOutcome.CycleMode, _kept);
                case ConsoleKey.Enter when (key.Modifiers & ConsoleModifiers.Alt) != 0:
                    Insert("\n");
                    break;
                case ConsoleKey.Enter when _cursor == _text.Length && _text.Length > 0 && _text[^1] == '\\':
                    _text[^1] = '\n';
                    break;
                case ConsoleKey.Enter when keys.KeyAvailable:
                    Insert("\n"); // part of a paste
                    break;
                case ConsoleKey.Enter:
                    surface.Writer.Write('\n');
                    var sent = _text.ToString();
                    if (!marked)
                    {
                        history.Add(sent); // answers to approval questions never enter the Up-arrow history
                    }

                    return new EditorResult(EditorOutcome.Submit, sent);
                case ConsoleKey.C when ctrl:
                    surface.Writer.Write('\n');
                    return new EditorResult(EditorOutcome.Interrupt, _text.ToString());
                case ConsoleKey.D when ctrl:
                    if (_text.Length == 0)
                    {
                        surface.Writer.Write('\n');
                        return new EditorResult(EditorOutcome.EndOfInput, "");
                    }

                    Delete(_cursor, 1);
                    break;
                case ConsoleKey.Backspace:
                    if (_cursor > 0)
                    {
                        Delete(--_cursor, 1);
                    }

                    break;
                case ConsoleKey.Delete:
                    Delete(_cursor, 1);
                    break;
                case ConsoleKey.LeftArrow or ConsoleKey.B when ctrl || key.Key == ConsoleKey.LeftArrow:
                    _cursor = Math.Max(0, _cursor - 1);
                    break;
                case ConsoleKey.RightArrow or ConsoleKey.F when ctrl || key.Key == ConsoleKey.RightArrow:
                    _cursor = Math.Min(_text.Length, _cursor + 1);
                    break;
                case ConsoleKey.Home or ConsoleKey.A when ctrl || key.Key == ConsoleKey.Home:
                    _cursor = 0;
                    break;
                case ConsoleKey.End or ConsoleKey.E when ctrl || key.Key == ConsoleKey.End:
                    _cursor = _text.Length;
                    break;
                case ConsoleKey.U when ctrl:
                    Delete(0, _cursor);
                    _cursor = 0;
                    break;
                case ConsoleKey.K when ctrl:
                    Delete(_cursor, _text.Length - _cursor);
                    break;
                case ConsoleKey.W when ctrl:
                    var start = WordStart();
                    Delete(start, _cursor - start);
                    _cursor = start;
                    break;
                case ConsoleKey.UpArrow or ConsoleKey.P when ctrl || key.Key == ConsoleKey.UpArrow:
                    if (browsing > 0)
                    {
                        if (browsing == history.Count)
                        {
                            draft = _text.ToString();
                        }

                        Replace(history[--browsing]);
                    }

                    break;
                case ConsoleKey.DownArrow or ConsoleKey.N when ctrl || key.Key == ConsoleKey.DownArrow:
                    if (browsing < history.Count)
                    {
                        browsing++;
                        Replace(browsing == history.Count ? draft : history[browsing]);
                    }

                    break;
                case ConsoleKey.Tab:
                    Insert("\t");
                    break;
                default:
                    if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar))
                    {
                        Insert(key.KeyChar.ToString());
                    }

                    break;
            }

            Render(prompt, marked);
        }
    }

    private void Insert(string s)
    {
        _text.Insert(_cursor, s);
        _cursor += s.Length;
    }

    private void Delete(int at, int count)
    {
        count = Math.Min(count, _text.Length - at);
        if (at >= 0 && count > 0)
        {
            _text.Remove(at, count);
        }
    }

    private void Replace(string s)
    {
        _text.Clear().Append(s);
        _cursor = _text.Length;
    }

    private int WordStart()
    {
        var i = _cursor;
        while (i > 0 && char.IsWhiteSpace(_text[i - 1]))
        {
            i--;
        }

        while (i > 0 && !char.IsWhiteSpace(_text[i - 1]))
        {
            i--;
        }

        return i;
    }

    /// <summary>
    /// A question answered by one key (#15.5): at the marked prompt, the first key among
    /// <paramref name="choices"/> (either case) answers at once and is echoed; Ctrl-C interrupts, Ctrl-D
    /// ends; any other key is ignored. Nothing enters the history.
    /// </summary>
    public EditorResult ReadChoice(string prompt, string choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        _text.Clear();
        _cursor = 0;
        Render(prompt, marked: true);
        while (true)
        {
            var key = keys.ReadKey();
            if ((key.Modifiers & ConsoleModifiers.Control) != 0 && key.Key is ConsoleKey.C or ConsoleKey.D)
            {
                surface.Writer.Write('\n');
                return new EditorResult(key.Key == ConsoleKey.C ? EditorOutcome.Interrupt : EditorOutcome.EndOfInput, "");
            }

            var c = char.ToLowerInvariant(key.KeyChar);
            if (c != '\0' && choices.Contains(c, StringComparison.Ordinal))
            {
                surface.Write(c.ToString(), Style.Accent);
                surface.Writer.Write('\n');
                surface.Writer.Flush();
                return new EditorResult(EditorOutcome.Submit, c.ToString());
            }
        }
    }

    private void Render(string prompt, bool marked)
    {
        var room = Math.Max(8, surface.Width - prompt.Length - (marked ? 2 : 1));
        var offset = _cursor < room ? 0 : _cursor - room + 1;
        var visible = _text.ToString(offset, Math.Min(room, _text.Length - offset));
        var shown = visible.Replace('\n', '↵').Replace('\t', '⇥');
        surface.Writer.Write('\r');
        if (marked)
        {
            surface.Mark();
        }

        surface.Write(prompt, Style.Accent);
        surface.Write(shown);
        surface.Writer.Write("\e[K");
        var back = visible.Length - (_cursor - offset);
        if (back > 0)
        {
            surface.Writer.Write($"\e[{back}D");
        }

        surface.Writer.Flush();
    }
}
