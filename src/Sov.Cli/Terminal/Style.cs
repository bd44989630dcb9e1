namespace Sov.Cli.Terminal;

/// <summary>
/// The few SGR styles the terminal UI uses. Written by hand rather than through Spectre.Console's
/// detection, which reads CI and terminal environment variables of its own: here colour is on only when
/// stdout is a terminal and NO_COLOR is unset, decided once by <see cref="TerminalSurface"/>.
/// </summary>
public enum Style
{
    Plain,
    Bold,
    Dim,
    Italic,
    Code,
    Heading,
    Added,
    Removed,
    Hunk,
    Warning,
    Error,
    Tool,
    Accent,
}
