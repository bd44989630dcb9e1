namespace Sov.Cli.Interactive;

/// <summary>A line starting with '/': the command name (lower case, without the slash) and the rest.</summary>
public readonly record struct SlashCommand(string Name, string Arguments)
{
    public static bool TryParse(string input, out SlashCommand command)
    {
        ArgumentNullException.ThrowIfNull(input);
        command = default;
        var text = input.Trim();
        if (text.Length < 2 || text[0] != '/' || text[1] == '/' || char.IsWhiteSpace(text[1]))
        {
            return false;
        }

        var space = text.IndexOfAny([' ', '\t', '\n']);
        var name = space < 0 ? text[1..] : text[1..space];
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return false; // a path such as /etc/hosts is a message, not a command
        }

        command = new SlashCommand(name.ToLowerInvariant(), space < 0 ? "" : text[(space + 1)..].Trim());
        return true;
    }

    /// <summary>The built-in commands with their one-line help, in the order /help lists them.</summary>
    public static readonly IReadOnlyList<(string Name, string Help)> BuiltIns =
    [
        ("help", "list commands"),
        ("model", "show the model, or /model NAME to switch"),
        ("mode", "show the permission mode, or /mode plan|read-only|ask|auto-edit|full-auto (Shift+Tab cycles)"),
        ("plan", "plan mode: the model reads and plans, writes nothing until you approve its plan (/plan TASK starts one)"),
        ("undo", "restore the files the last turn changed"),
        ("rewind", "take the conversation (and, if you say so, the files) back to before an earlier prompt (also Esc Esc)"),
        ("compact", "summarise the conversation to free context"),
        ("clear", "start a fresh conversation (the session file keeps the old one)"),
        ("cost", "tokens used this session"),
        ("reasoning", "show the last turn's reasoning in full"),
        ("audit", "journal chain head and verification"),
        ("privacy", "what leaves this machine, and to where"),
        ("resume", "list sessions in this workspace, or /resume ID"),
        ("quit", "end the session (also /exit, Ctrl-D)"),
    ];
}
