namespace Sov.Cli.Terminal.Input;

/// <summary>Key presses, from the console or from a test script.</summary>
public interface IKeySource
{
    ConsoleKeyInfo ReadKey();

    /// <summary>True when more keys are already waiting: used to tell a paste from typing.</summary>
    bool KeyAvailable { get; }

    /// <summary>
    /// Throws away every key typed but not yet read (in our buffers and the terminal's), returning how many
    /// it saw: called when a question only the person may answer opens (issue #12).
    /// </summary>
    int DiscardPending();
}
