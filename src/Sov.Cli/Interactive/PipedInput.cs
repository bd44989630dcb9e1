using Sov.Cli.Terminal.Input;

namespace Sov.Cli.Interactive;

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

    /// <summary>Piped text was all written before the session started, by the person: nothing is typed ahead.</summary>
    public int Open() => 0;

    public int Hold() => 0;

    public EditorResult Answer(string prompt) => Read(prompt);

    /// <summary>Piped: the answer is a line; its first letter chooses ("yes" is y), anything else asks again.</summary>
    public EditorResult Choose(string prompt, string choices)
    {
        var line = Read(prompt);
        var first = line.Text.Trim().ToLowerInvariant() is { Length: > 0 } t ? t[0] : '\0';
        return line.Outcome != EditorOutcome.Submit ? line
            : new EditorResult(EditorOutcome.Submit, choices.Contains(first, StringComparison.Ordinal) ? first.ToString() : line.Text);
    }
}
