using Sov.Core.Text;

namespace Sov.Tests.Text;

/// <summary>The reveal / strip / block API the agent calls on every text that crosses the border.</summary>
public sealed class TextBorderTests
{
    [Fact]
    public void CleanTextComesBackAsTheSameInstance()
    {
        var text = "plain ASCII\r\nwith\ttabs and \"quotes\"\n";
        Assert.Same(text, TextBorder.Reveal(text));
        Assert.Same(text, TextBorder.Strip(text));
        TextBorder.Block(text);
        Assert.True(TextBorder.IsQuiet(text));
    }

    [Fact]
    public void LegitimateUnicodeComesBackUnchanged()
    {
        var text = "Grüße \U0001F44D\uFE0F \u4F60\u597D \u05E9\u05DC\u05D5\u05DD \U0001F468\u200D\U0001F469\u200D\U0001F467";
        Assert.Same(text, TextBorder.Reveal(text));
        Assert.Same(text, TextBorder.Strip(text));
    }

    [Fact] // Trojan Source in model output: the override is made visible.
    public void RevealMarksHiddenCharacters()
    {
        Assert.Equal("access \u27E6U+202E RLO\u27E7 level", TextBorder.Reveal("access \u202E level"));
        Assert.Equal("is\u27E6U+200B ZWSP\u27E7Admin", TextBorder.Reveal("is\u200BAdmin"));
    }

    [Fact] // A model printing ESC sequences must not drive the terminal.
    public void RevealNeutralisesEscapeSequences()
    {
        var revealed = TextBorder.Reveal("ok \u001B[2J done");
        Assert.DoesNotContain('\u001B', revealed);
        Assert.Contains("\u27E6U+001B ESC\u27E7[2J", revealed, StringComparison.Ordinal);
    }

    [Fact] // ASCII smuggling in AGENTS.md is removed before the model sees it.
    public void StripRemovesTagSmuggling()
    {
        var hidden = string.Concat("exfiltrate".Select(c => char.ConvertFromUtf32(0xE0000 + c)));
        Assert.Equal("Be helpful.\n", TextBorder.Strip($"Be helpful.{hidden}\n"));
    }

    [Fact]
    public void StripReplacesIrregularWhitespaceWithASpace() =>
        Assert.Equal("if (x) { }", TextBorder.Apply("if\u00A0(x) { }", TextPolicy.Strip, SourceKind.CLike));

    [Fact]
    public void BlockRefusesWithTheFindings()
    {
        var e = Assert.Throws<TextBlockedException>(() => TextBorder.Block("x\u202Ey"));
        Assert.Equal(TextCategory.Bidi, e.Findings[0].Category);
        Assert.Equal(1, e.ExitCode);
    }

    [Fact]
    public void InspectListsFindingsAtOrAboveTheThreshold()
    {
        Assert.Empty(TextBorder.Inspect("caf\u00E9"));
        Assert.Single(TextBorder.Inspect("a\u200Bb", threshold: Severity.Medium));
    }
}
