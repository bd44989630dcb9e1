using Sov.Cli.Terminal;
using Sov.Cli.Terminal.Render;

namespace Sov.Tests.Cli.Terminal;

public sealed class DiffViewTests
{
    [Fact]
    public void AnEditIsAUnifiedDiffWithContext()
    {
        var screen = new StringWriter();
        var before = string.Join('\n', Enumerable.Range(1, 10).Select(i => $"line {i}")) + "\n";
        var after = before.Replace("line 5\n", "line five\n", StringComparison.Ordinal);
        DiffView.Write(new TerminalSurface(screen, color: false, () => 80), "a.txt", before, after);
        var text = screen.ToString();
        Assert.Contains("--- a/a.txt\n+++ b/a.txt\n@@ -2,7 +2,7 @@\n line 2\n", text, StringComparison.Ordinal);
        Assert.Contains("-line 5\n+line five\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("line 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewFileDiffsAgainstDevNull() // #15.9: the empty side is "-0,0", as diff -u writes it
    {
        var screen = new StringWriter();
        DiffView.Write(new TerminalSurface(screen, color: false, () => 80), "new.txt", null, "hi\n");
        Assert.StartsWith("--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,1 @@\n+hi\n", screen.ToString(), StringComparison.Ordinal);
    }
}
