using Sov.Core.Text;

namespace Sov.Cli.Terminal;

/// <summary>
/// Terminal safety for the front ends: no byte of model or tool output may reach the terminal as a
/// control sequence. One rule, <see cref="TerminalText.Safe"/>: ESC (so CSI, OSC 8 hyperlinks, OSC 52
/// clipboard writes), BEL, C1 controls, bidi controls, tag characters and other hidden characters are
/// shown as visible markers such as <c>⟦ESC⟧</c>; tab and newline pass.
/// (Pinned attack, issue #11: OSC 52 in model output silently writing the clipboard; ANSI in tool output hiding text.)
/// </summary>
public static class TerminalSafe
{
    /// <summary>Text for the terminal, hazards shown as markers.</summary>
    public static string Text(string text) => TerminalText.Safe(text);

    /// <summary>The same as <see cref="Text"/> (the name the surface's first tests used).</summary>
    public static string Reveal(string text) => TerminalText.Safe(text);

    /// <summary>A one-line field (a name, arguments, a message): line endings become spaces, then <see cref="Text"/>.</summary>
    public static string Line(string text) => TerminalText.Line(text);
}
