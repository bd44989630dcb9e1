using Sov.Cli.Terminal.Input;

namespace Sov.Cli.Interactive;

/// <summary>The terminal: the line editor, with the answer guard before every approval (issue #12).</summary>
internal sealed class EditorInput(LineEditor editor, AnswerGuard guard) : IPromptInput
{
    public EditorResult Read(string prompt) => editor.Read(prompt);

    public int Open() => guard.Open();

    public int Hold() => guard.Hold();

    public EditorResult Answer(string prompt) => editor.Read(prompt, marked: true);

    /// <summary>One key answers. What follows it at typing speed ("yes", Enter) is still part of that answer,
    /// so it is discarded during the guard time instead of reaching the prompt after the turn; after "n" the
    /// reason prompt comes next and reads on (a stray "o" of "no" is dropped there).</summary>
    public EditorResult Choose(string prompt, string choices)
    {
        var answer = editor.ReadChoice(prompt, choices);
        if (answer is { Outcome: EditorOutcome.Submit } && answer.Text != "n")
        {
            guard.Hold();
        }

        return answer;
    }
}
