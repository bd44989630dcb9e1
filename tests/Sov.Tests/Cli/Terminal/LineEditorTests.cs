using Sov.Cli.Terminal;
using Sov.Cli.Terminal.Input;

namespace Sov.Tests.Cli.Terminal;

public sealed class LineEditorTests
{
    private static (LineEditor Editor, StringWriter Screen) Make(ScriptedKeys keys, InputHistory? history = null)
    {
        var screen = new StringWriter();
        return (new LineEditor(keys, new TerminalSurface(screen, color: false, () => 80), history ?? new InputHistory()), screen);
    }

    [Fact]
    public void EnterSends()
    {
        var (editor, _) = Make(new ScriptedKeys().Type("hello\n"));
        Assert.Equal(new EditorResult(EditorOutcome.Submit, "hello"), editor.Read("> "));
    }

    [Fact]
    public void AltEnterAndTrailingBackslashAddLines()
    {
        var keys = new ScriptedKeys().Type("one").Press(ConsoleKey.Enter, ConsoleModifiers.Alt).Type("two\\\nthree\n");
        var (editor, _) = Make(keys);
        Assert.Equal("one\ntwo\nthree", editor.Read("> ").Text);
    }

    [Fact]
    public void APastedBlockKeepsItsNewlines()
    {
        var (editor, _) = Make(new ScriptedKeys().Paste("line 1\nline 2\nline 3").Type("\n"));
        Assert.Equal("line 1\nline 2\nline 3", editor.Read("> ").Text);
    }

    [Fact]
    public void CtrlDOnAnEmptyLineEndsAndCtrlCInterrupts()
    {
        var (editor, _) = Make(new ScriptedKeys().Press(ConsoleKey.D, ConsoleModifiers.Control)
            .Type("half").Press(ConsoleKey.C, ConsoleModifiers.Control));
        Assert.Equal(EditorOutcome.EndOfInput, editor.Read("> ").Outcome);
        Assert.Equal(new EditorResult(EditorOutcome.Interrupt, "half"), editor.Read("> "));
    }

    [Fact]
    public void EditingKeysMoveAndDelete()
    {
        var keys = new ScriptedKeys().Type("helo world")
            .Press(ConsoleKey.Home).Press(ConsoleKey.RightArrow).Press(ConsoleKey.RightArrow).Press(ConsoleKey.RightArrow)
            .Type("l").Press(ConsoleKey.End).Press(ConsoleKey.W, ConsoleModifiers.Control).Type("there")
            .Press(ConsoleKey.Backspace).Type("e\n");
        var (editor, _) = Make(keys);
        Assert.Equal("hello there", editor.Read("> ").Text);
    }

    [Fact]
    public void HistoryIsWalkedWithUpAndDownAndPersisted()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sov-hist-").FullName, "h.jsonl");
        var history = new InputHistory(file);
        var (editor, _) = Make(new ScriptedKeys().Type("first\nsecond\n").Press(ConsoleKey.UpArrow).Press(ConsoleKey.UpArrow)
            .Press(ConsoleKey.DownArrow).Type("!\n"), history);
        editor.Read("> ");
        editor.Read("> ");
        Assert.Equal("second!", editor.Read("> ").Text);

        var reloaded = new InputHistory(file);
        Assert.Equal(["first", "second", "second!"], Enumerable.Range(0, reloaded.Count).Select(i => reloaded[i]));
    }

    [Fact]
    public void ATornLastHistoryLineIsSkipped()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sov-hist-").FullName, "h.jsonl");
        File.WriteAllText(file, "\"ok\"\n\"torn");
        Assert.Equal(1, new InputHistory(file).Count);
    }
}
