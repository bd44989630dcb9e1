namespace Sov.Cli.Terminal.Input;

public enum EditorOutcome
{
    /// <summary>Enter: the text is a submission.</summary>
    Submit,

    /// <summary>Ctrl-C: the text typed so far is abandoned.</summary>
    Interrupt,

    /// <summary>Ctrl-D on an empty line, or the input ended.</summary>
    EndOfInput,
}

public readonly record struct EditorResult(EditorOutcome Outcome, string Text);
