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
        Assert.Equal("Hello world\n", screen.ToString());
        md.Flush();
        Assert.Equal("Hello world\nnext\n", screen.ToString());
    }

    [Fact]
    public void FencesAreSetOffAndNotStyledInside()
    {
        var screen = new StringWriter();
        var md = new MarkdownStream(new TerminalSurface(screen, color: false, () => 80));
        md.Append("# Title\n- item `x`\n```cs\nvar a = **b**;\n```\n");
        Assert.Equal("Title\n• item x\n┌─ cs\n│ var a = **b**;\n└─\n", screen.ToString());
    }

    [Fact]
    public void ColourGoesOnlyWhereAllowed()
    {
        var screen = new StringWriter();
        var md = new MarkdownStream(new TerminalSurface(screen, color: true, () => 80));
        md.Append("`code`\n");
        Assert.Contains("\e[36mcode\e[0m", screen.ToString(), StringComparison.Ordinal);
    }
}
