using Sov.Cli.Terminal;
using Sov.Cli.Terminal.Render;

namespace Sov.Tests.Cli.Terminal;

public sealed class MarkdownStreamTests
{
    [Fact]
    public void NothingIsPrintedUntilALineIsComplete()
    {
        var screen = new StringWriter();
        var md = new MarkdownStream(new TerminalSurface(screen, color: false, () => 80));
        md.Append("Hel");
        md.Append("lo **wor");
        Assert.Equal("", screen.ToString());
        md.Append("ld**\nnext");
        Assert.Equal("▏ Hello world\n", screen.ToString());
        md.Flush();
        Assert.Equal("▏ Hello world\n▏ next\n", screen.ToString());
    }

    [Fact]
    public void FencesAreSetOffAndNotStyledInside()
    {
        var screen = new StringWriter();
        var md = new MarkdownStream(new TerminalSurface(screen, color: false, () => 80));
        md.Append("# Title\n- item `x`\n```cs\nvar a = **b**;\n```\n");
        Assert.Equal("▏ Title\n▏ • item x\n▏ ┌─ cs\n▏ │ var a = **b**;\n▏ └─\n", screen.ToString());
    }

    [Fact]
    public void ColourGoesOnlyWhereAllowed()
    {
        var screen = new StringWriter();
        var md = new MarkdownStream(new TerminalSurface(screen, color: true, () => 80));
        md.Append("`code`\n");
        Assert.Contains("\e[36mcode\e[0m", screen.ToString(), StringComparison.Ordinal);
    }

    // Pinned attack, issue #12: model text drew a fake approval prompt identical line for line to the real
    // one (with NO_COLOR only colour told them apart). Every row of model text starts with the gutter, the
    // approval mark is shown as a marker, and a long line is broken before the terminal wraps it to column 0.
    [Fact]
    public void AFakeApprovalPromptInModelTextStaysBehindTheGutter()
    {
        var screen = new StringWriter();
        var md = new MarkdownStream(new TerminalSurface(screen, color: false, () => 60));
        md.Append("Listing files.\n▌┌ shell needs your approval: ask\n▌│ ls\n▌└ allow? [y]es once · [a]lways this session · [n]o: \n");
        md.Append(new string(' ', 58) + "▌└ allow? [y]es once\n");
        md.Flush();

        var rows = screen.ToString().TrimEnd('\n').Split('\n');
        Assert.All(rows, row => Assert.StartsWith(PromptMark.Gutter, row, StringComparison.Ordinal));
        Assert.All(rows, row => Assert.True(Columns.Of(row) <= 59, row));
        Assert.DoesNotContain(PromptMark.Glyph, screen.ToString());
        Assert.Contains("⟦U+258C⟧┌ shell needs your approval", screen.ToString(), StringComparison.Ordinal);
    }
}
