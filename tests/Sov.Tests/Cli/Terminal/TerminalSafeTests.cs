using Sov.Cli.Terminal;
using Sov.Core.Text;

namespace Sov.Tests.Cli.Terminal;

/// <summary>The front ends' door to the one rule (cases in tests/Sov.Tests/Text/TerminalTextTests.cs).</summary>
public sealed class TerminalSafeTests
{
    // Issue #11: OSC 52 in model output silently writing the clipboard.
    [Fact]
    public void ItIsTheTextBordersTerminalRule()
    {
        const string hostile = "a\e]52;c;ZWNobyBoaQ==\a\u009b31m\u202E\U000E0041";
        Assert.Equal(TerminalText.Safe(hostile), TerminalSafe.Text(hostile));
        Assert.Equal(TerminalText.Safe(hostile), TerminalSafe.Reveal(hostile));
        Assert.Equal("a b", TerminalSafe.Line("a\r\nb"));
    }

    [Fact]
    public void TheSurfaceNeverWritesAnEscapeItDidNotMake()
    {
        var screen = new StringWriter();
        var surface = new TerminalSurface(screen, color: false, () => 80);
        surface.WriteLine("\e[31mred\e[0m", Sov.Cli.Terminal.Style.Bold);
        Assert.DoesNotContain('\e', screen.ToString());
    }
}
