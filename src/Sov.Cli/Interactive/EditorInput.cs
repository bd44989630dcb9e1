using Sov.Cli.Terminal.Input;

namespace Sov.Cli.Interactive;

/// <summary>The terminal: the line editor, with the answer guard before every approval (issue #12).</summary>
internal sealed class EditorInput(LineEditor editor, AnswerGuard guard) : IPromptInput
{
    public EditorResult Read(string prompt) => editor.Read(prompt);

    public int Open() => guard.Open();

    public int Hold() => guard.Hold();

    public EditorResult Answer(string prompt) => editor.Read(prompt, marked: true);
}
