using Sov.Cli.Terminal.Input;

namespace Sov.Cli.Interactive;

/// <summary>Where the session's input comes from: the line editor on a terminal, or lines of piped text.</summary>
internal interface IPromptInput
{
    EditorResult Read(string prompt);

    /// <summary>A question only the person may answer opens: keys typed ahead are discarded (how many is returned).</summary>
    int Open();

    /// <summary>What is asked about is on screen: waits out the guard time, discarding keys (how many is returned).</summary>
    int Hold();

    /// <summary>Reads the answer at a prompt that starts with the approval mark.</summary>
    EditorResult Answer(string prompt);

    /// <summary>Reads a one-key answer among <paramref name="choices"/> at a marked prompt; the text is the key, lower case.</summary>
    EditorResult Choose(string prompt, string choices);
}
