using Sov.Cli.Terminal;
using Sov.Cli.Terminal.Input;

namespace Sov.Tests.Cli.Terminal;

/// <summary>#17: Shift+Tab asks to cycle the mode keeping what was typed; Esc Esc on an empty prompt asks to rewind.</summary>
public sealed class LineEditorModeKeysTests
{
    private static LineEditor Make(ScriptedKeys keys) =>
        new(keys, new TerminalSurface(new StringWriter(), color: false, () => 80), new InputHistory());

    [Fact]
    public void ShiftTabCyclesAndTheTextTypedComesBack()
    {
        var editor = Make(new ScriptedKeys().Type("half a").Press(ConsoleKey.Tab, ConsoleModifiers.Shift, '\t').Type(" thought\n"));

        Assert.Equal(new EditorResult(EditorOutcome.CycleMode, "half a"), editor.Read("> "));
        Assert.Equal(new EditorResult(EditorOutcome.Submit, "half a thought"), editor.Read("> "));
    }

    [Fact]
    public void EscEscOnAnEmptyLineRewindsAndOnTextClearsIt()
    {
        var editor = Make(new ScriptedKeys()
            .Press(ConsoleKey.Escape, 0, '\e').Press(ConsoleKey.Escape, 0, '\e')
            .Press(ConsoleKey.Escape, ConsoleModifiers.Alt, '\e') // two escapes read as one Alt+Esc
            .Type("oops").Press(ConsoleKey.Escape, 0, '\e').Press(ConsoleKey.Escape, 0, '\e').Type("fine\n")
            .Press(ConsoleKey.Escape, 0, '\e').Type("x\n"));

        Assert.Equal(EditorOutcome.Rewind, editor.Read("> ").Outcome);
        Assert.Equal(EditorOutcome.Rewind, editor.Read("> ").Outcome);
        Assert.Equal(new EditorResult(EditorOutcome.Submit, "fine"), editor.Read("> "));
        Assert.Equal(new EditorResult(EditorOutcome.Submit, "x"), editor.Read("> ")); // one Esc alone does nothing
    }

    [Fact]
    public void AnAnswerPromptTakesNeitherKey()
    {
        var editor = Make(new ScriptedKeys().Press(ConsoleKey.Tab, ConsoleModifiers.Shift, '\t').Press(ConsoleKey.Escape, 0, '\e')
            .Press(ConsoleKey.Escape, 0, '\e').Type("y\n"));

        Assert.Equal(EditorOutcome.Submit, editor.Read("> ", marked: true).Outcome);
    }
}
