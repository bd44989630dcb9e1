using Sov.Cli.Terminal;
using Sov.Cli.Terminal.Render;

namespace Sov.Tests.Cli.Terminal;

/// <summary>Issue #12: untrusted text as rows that each begin with a trusted prefix, never wrapped by the terminal.</summary>
public sealed class FencedRowsTests
{
    public static TheoryData<string> Texts =>
    [
        string.Join(' ', Enumerable.Repeat("word", 40)),
        new string('x', 130),
        string.Concat(Enumerable.Repeat("漢字", 30)) + " 🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
        "tab\tseparated\t" + string.Join('\t', Enumerable.Repeat("col", 20)),
        "a\u0085b\u2028c\u000Bd\u000Ce\rf " + new string('▌', 30),
    ];

    // Pinned attack, issue #12: a line long enough for the terminal to wrap would start a row at column 0.
    [Theory]
    [MemberData(nameof(Texts))]
    public void EveryRowStartsWithItsPrefixAndFitsTheWidth(string text)
    {
        var screen = new StringWriter();
        new FencedRows(new TerminalSurface(screen, color: false, () => 40), "┌ ", marked: true, next: "│ ").WriteLines(text);

        var rows = screen.ToString().TrimEnd('\n').Split('\n');
        Assert.StartsWith("▌┌ ", rows[0], StringComparison.Ordinal);
        Assert.All(rows.Skip(1), r => Assert.StartsWith("▌│ ", r, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.True(Columns.Of(r) <= 39, r));
        Assert.All(rows, r => Assert.Equal(1, r.Count(c => c == PromptMark.Glyph)));
    }

    [Fact]
    public void RowsBreakBetweenWords()
    {
        var screen = new StringWriter();
        FencedRows.Gutter(new TerminalSurface(screen, color: false, () => 30)).WriteLines("the quick brown fox jumps over the lazy dog again");

        Assert.Equal("▏ the quick brown fox jumps \n▏ over the lazy dog again\n", screen.ToString());
    }
}
