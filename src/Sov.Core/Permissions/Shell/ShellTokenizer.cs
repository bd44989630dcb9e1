namespace Sov.Core.Permissions.Shell;

/// <summary>
/// A bash tokenizer for permission checks: quotes, escapes and the control operators are handled as
/// bash does, so <c>"g"it status</c> is <c>git status</c>; everything it does not model is listed instead
/// of guessed. Text inside <c>$(...)</c>, backticks and process substitution is parsed too, so deny rules
/// see nested commands. There is no length cap: every segment of every chain is analysed.
/// </summary>
public static class ShellTokenizer
{
    /// <summary>Nesting of substitutions deeper than this is not analysed (and the parse is marked incomplete).</summary>
    public const int MaxNesting = 48;

    public static ShellParse Parse(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parser = new ShellParser(command, depth: 0);
        parser.Run();
        return new ShellParse(parser.Segments, parser.Unmodelled, parser.Incomplete);
    }

    /// <summary>Parses text that bash would run as a nested command (for example the argument of <c>bash -c</c>).</summary>
    internal static ShellParse ParseNested(string command, int depth)
    {
        var parser = new ShellParser(command, depth);
        parser.Run();
        return new ShellParse(parser.Segments, parser.Unmodelled, parser.Incomplete);
    }
}
