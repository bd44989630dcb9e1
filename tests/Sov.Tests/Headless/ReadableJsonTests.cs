using System.Text;
using System.Text.Json;
using Sov.Cli.Headless;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Protocol;

namespace Sov.Tests.Headless;

/// <summary>
/// #14: stream-json is readable (no <c>\u0022</c>-style escapes for quotes, <c>+</c>, backticks or <c>&gt;</c>,
/// letters of any script literal) and still inert (#11): everything a terminal acts on or does not show is
/// <c>\uXXXX</c>, and the reader gets the exact string back.
/// </summary>
public sealed class ReadableJsonTests
{
    private static string Line(string text)
    {
        var output = new StringWriter();
        new StreamJsonPrinter(output).Print(new AssistantDelta(text));
        return output.ToString().TrimEnd('\n');
    }

    [Fact]
    public void QuotesPlusBackticksAndAnglesStayLiteral()
    {
        const string text = "say \"hi\" + `make` > out.txt & <b>it's</b> U+202E é 你好 Ωμέγα";

        var line = Line(text);

        Assert.Equal("""{"type":"assistant_delta","session_id":null,"text":"say \"hi\" + `make` > out.txt & <b>it's</b> U+202E é 你好 Ωμέγα"}""", line);
        Assert.DoesNotContain("\\u00", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u001b", "\\u001B")]
    [InlineData("\u202E", "\\u202E")]
    [InlineData("\u200B", "\\u200B")]
    [InlineData("\u0085", "\\u0085")]
    [InlineData("\u009b", "\\u009B")]
    [InlineData("\u007f", "\\u007F")]
    [InlineData("\u2066", "\\u2066")]
    [InlineData("\u061C", "\\u061C")]
    [InlineData("\u00AD", "\\u00AD")]
    [InlineData("\u00A0", "\\u00A0")]
    [InlineData("\u2028", "\\u2028")]
    [InlineData("\uFEFF", "\\uFEFF")]
    [InlineData("\uFE0F", "\\uFE0F")]
    [InlineData("\u3164", "\\u3164")]
    [InlineData("\u2800", "\\u2800")]
    [InlineData("\uE000", "\\uE000")]
    [InlineData("\U000E0041", "\\uDB40\\uDC41")]
    public void HiddenAndControlCharactersAreEscaped(string hazard, string escaped)
    {
        var line = Line("a" + hazard + "b");

        Assert.Contains("a" + escaped + "b", line, StringComparison.Ordinal);
        InertOutput.Assert(line, "stream-json");
        using var doc = JsonDocument.Parse(line);
        Assert.Equal("a" + hazard + "b", doc.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void EveryBmpCharacterIsEitherVisibleOrEscapedAndComesBackExact()
    {
        var all = new StringBuilder();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (!char.IsSurrogate((char)c))
            {
                all.Append((char)c);
            }
        }

        var text = all.ToString();
        var line = Line(text);

        InertOutput.Assert(line, "stream-json");
        using var doc = JsonDocument.Parse(line);
        Assert.Equal(text, doc.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void ThePolicyEscapesWhatTheTerminalBorderCallsAHazard()
    {
        for (var cp = 0x80; cp <= 0x10FFFF; cp++)
        {
            if (Sov.Core.Text.TerminalText.IsHazard(cp))
            {
                Assert.True(VisibleJson.MustEscape(cp), $"U+{cp:X4}");
            }
        }
    }
}
