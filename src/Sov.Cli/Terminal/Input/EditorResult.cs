namespace Sov.Cli.Terminal.Input;

public enum EditorOutcome
{
    /// <summary>Enter: the text is a submission.</summary>
    Submit,

    /// <summary>Ctrl-C: the text typed so far is abandoned.</summary>
    Interrupt,

    /// <summary>Ctrl-D on an empty line, or the input ended.</summary>
    EndOfInput,

    /// <summary>Shift+Tab at the prompt: cycle the permission mode (#17); the text typed so far comes back with the next read.</summary>
    CycleMode,

    /// <summary>Esc Esc on an empty prompt: open the rewind (#17).</summary>
    Rewind,
}

public readonly record struct EditorResult(EditorOutcome Outcome, string Text);
