namespace Sov.Cli.Terminal.Input;

/// <summary>Key presses, from the console or from a test script.</summary>
public interface IKeySource
{
    ConsoleKeyInfo ReadKey();

    /// <summary>True when more keys are already waiting: used to tell a paste from typing.</summary>
    bool KeyAvailable { get; }
}
