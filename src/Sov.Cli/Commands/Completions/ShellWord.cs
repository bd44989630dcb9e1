namespace Sov.Cli.Commands.Completions;

/// <summary>Quoting for the generated shell scripts: every word and description goes in single quotes.</summary>
internal static class ShellWord
{
    /// <summary>'text' for bash and zsh (a quote inside becomes '\'').</summary>
    public static string Posix(string text) => Core.Text.ShellQuoting.Posix(text);

    /// <summary>'text' for fish (backslash and quote escaped inside).</summary>
    public static string Fish(string text) =>
        "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
