using Sov.Core.Text;

namespace Sov.Tests.Text;

/// <summary>The one rule for outside text on its way to a terminal (issue #11 item 6).</summary>
public sealed class TerminalTextTests
{
    [Theory]
    // Issue #11: OSC 52 clipboard write, OSC 8 link, OSC 0 title, CSI.
    [InlineData("\e]52;c;ZWNobyBoaQ==\a", "⟦ESC⟧]52;c;ZWNobyBoaQ==⟦BEL⟧")]
    [InlineData("\e]8;;http://evil\e\\docs\e]8;;\e\\", "⟦ESC⟧]8;;http://evil⟦ESC⟧\\docs⟦ESC⟧]8;;⟦ESC⟧\\")]
    [InlineData("\e]0;pwned\a", "⟦ESC⟧]0;pwned⟦BEL⟧")]
    // Issue #11: C1 controls some terminals honour as CSI and OSC.
    [InlineData("x\u009b31m\u009d0;t\u009c", "x⟦CSI⟧31m⟦OSC⟧0;t⟦C1 9C⟧")]
    // Issue #11: bidi controls and marks, tag characters (ASCII smuggling), zero-width space, BOM.
    [InlineData("a\u202Eb\u2066c\u2069\u200F", "a⟦U+202E RLO⟧b⟦U+2066 LRI⟧c⟦U+2069 PDI⟧⟦U+200F RLM⟧")]
    [InlineData("hi\U000E0041\U000E007F", "hi⟦U+E0041 TAG⟧⟦U+E007F TAG⟧")]
    [InlineData("a\u200Bb\uFEFF", "a⟦U+200B ZWSP⟧b⟦U+FEFF BOM⟧")]
    [InlineData("over\rwrite\b\u007f", "over⟦CR⟧write⟦BS⟧⟦DEL⟧")]
    [InlineData("line\u2028sep", "line⟦U+2028 LINE SEPARATOR⟧sep")]
    public void HazardsBecomeMarkers(string input, string expected) => Assert.Equal(expected, TerminalText.Safe(input));

    [Theory]
    [InlineData("plain text\twith tab\n")]
    [InlineData("emoji 👍 and 中文 and עברית")]
    [InlineData("family 👨‍👩‍👧 and ❤️")]
    public void OrdinaryTextIsTheSameInstance(string input) => Assert.Same(input, TerminalText.Safe(input));

    [Fact]
    public void CrLfIsALineEnding() => Assert.Equal("a\nb", TerminalText.Safe("a\r\nb"));

    [Fact]
    public void AnUnpairedSurrogateIsShown() => Assert.Equal("a⟦U+D800⟧b", TerminalText.Safe("a\ud800b"));

    [Fact]
    public void ALineFieldHasNoLineBreaks() => Assert.Equal("a b c", TerminalText.Line("a\r\nb\nc"));

    [Fact]
    public void WhatTheClassifierFindsHiddenIsRevealedToo() =>
        Assert.Contains("⟦U+200D ZWJ⟧", TerminalText.Safe("pay\u200Dpal"), StringComparison.Ordinal);
}
