using Sov.Cli.Terminal;

namespace Sov.Tests.Cli.Terminal;

public sealed class TerminalSafeTests
{
    [Theory]
    // OSC 52: a model writing the person's clipboard.
    [InlineData("\e]52;c;ZWNobyBoaQ==\a", "⟦ESC⟧]52;c;ZWNobyBoaQ==⟦BEL⟧")]
    // OSC 8: a hyperlink whose target differs from its text.
    [InlineData("\e]8;;http://evil\e\\docs\e]8;;\e\\", "⟦ESC⟧]8;;http://evil⟦ESC⟧\\docs⟦ESC⟧]8;;⟦ESC⟧\\")]
    // CSI: clearing the screen or hiding text.
    [InlineData("a\e[2Jb", "a⟦ESC⟧[2Jb")]
    [InlineData("x\u009b31m", "x⟦CSI⟧31m")]
    [InlineData("over\rwrite", "over⟦CR⟧write")]
    [InlineData("rlo\u202Eevil", "rlo⟦U+202E RLO⟧evil")]
    public void ControlSequencesAreShownInert(string input, string expected) =>
        Assert.Equal(expected, TerminalSafe.Reveal(input));

    [Theory]
    [InlineData("plain text\twith tab\n")]
    [InlineData("emoji 👍 and 中文 and עברית")]
    public void OrdinaryTextIsUntouched(string input) => Assert.Same(input, TerminalSafe.Reveal(input));

    [Fact]
    public void CrLfIsALineEnding() => Assert.Equal("a\nb", TerminalSafe.Reveal("a\r\nb"));

    [Fact]
    public void TheSurfaceNeverWritesAnEscapeItDidNotMake()
    {
        var screen = new StringWriter();
        var surface = new TerminalSurface(screen, color: false, () => 80);
        surface.WriteLine("\e[31mred\e[0m", Sov.Cli.Terminal.Style.Bold);
        Assert.DoesNotContain('\e', screen.ToString());
    }
}
