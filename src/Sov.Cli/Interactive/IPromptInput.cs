using Sov.Cli.Terminal.Input;

namespace Sov.Cli.Interactive;

/// <summary>Where the session's input comes from: the line editor on a terminal, or lines of piped text.</summary>
internal interface IPromptInput
{
    EditorResult Read(string prompt);
}

internal sealed class EditorInput(LineEditor editor) : IPromptInput
{
    public EditorResult Read(string prompt) => editor.Read(prompt);
}

/// <summary>No terminal: each line of standard input is one submission; a trailing backslash continues it.</summary>
internal sealed class PipedInput(TextReader reader, TextWriter echo) : IPromptInput
{
    public EditorResult Read(string prompt)
    {
        var text = new System.Text.StringBuilder();
        while (reader.ReadLine() is { } line)
        {
            if (line.EndsWith('\\'))
            {
                text.Append(line, 0, line.Length - 1).Append('\n');
                continue;
            }

            text.Append(line);
            echo.WriteLine(Terminal.TerminalSafe.Text(prompt + text.ToString().Replace("\n", "\n  ", StringComparison.Ordinal)));
            return new EditorResult(EditorOutcome.Submit, text.ToString());
        }

        return new EditorResult(EditorOutcome.EndOfInput, text.ToString());
    }
}
