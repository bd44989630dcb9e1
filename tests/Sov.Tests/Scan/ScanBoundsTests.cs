using System.Text;
using Sov.Borders.FileSystem;
using Sov.Core.Scan;
using Sov.Core.Text;

namespace Sov.Tests.Scan;

/// <summary>#21: findings per file are capped (the rest counted by category), and a flood is scanned window by window with positions kept.</summary>
public sealed class ScanBoundsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ScanReport> Run(TempTree tree, ScanOptions options) =>
        ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), options, tree.Root, Ct);

    [Fact]
    public async Task FindingsBeyondTheCapAreCountedByCategory()
    {
        using var tree = new TempTree();
        tree.Write("flood.txt", string.Concat(Enumerable.Repeat("\u001b[31mred\n", 250)));
        var report = await Run(tree, new ScanOptions { MaxFindingsPerFile = 100 });
        Assert.Equal(100, report.Findings.Count);
        Assert.Equal(250, report.Summary.Findings);
        Assert.Equal(150, report.Summary.Omitted);
        Assert.Equal(250, report.Summary.AtOrAbove);
        var omitted = Assert.Single(report.Omitted);
        Assert.Equal(("flood.txt", TextCategory.Control, 150), (omitted.Path, omitted.Category, omitted.Count));
        Assert.True(report.Failed);
    }

    [Fact]
    public async Task AFloodLargerThanAWindowKeepsLinesColumnsAndCounts()
    {
        using var tree = new TempTree();
        // one long line of 100,000 ZWSPs between letters (many windows, cut inside the line), then a line with one more
        var line = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            line.Append('a').Append('\u200B');
        }

        tree.Write("long.txt", $"{line}\nxx\u200Byy\n");
        var report = await Run(tree, new ScanOptions { MaxFindingsPerFile = int.MaxValue });
        Assert.Equal(100_001, report.Summary.Findings);
        var columns = report.Findings.Where(f => f.Finding.Line == 1).Select(f => f.Finding.Column).ToArray();
        Assert.Equal(Enumerable.Range(0, 100_000).Select(i => 2 + (2 * i)).ToArray(), columns);
        var last = report.Findings[^1].Finding;
        Assert.Equal((2, 3), (last.Line, last.Column));
    }

    [Theory] // windows past the cap that repeat byte for byte are counted from the first one's summary: the same totals
    [InlineData("\u001b[31m", false)]
    [InlineData("x\u202Ey\u200Bz\u2067\n", false)]
    [InlineData("\u202E\u200B", true)]
    public async Task CountsPastTheCapAreThoseOfAFullClassification(string unit, bool withBaselineKeys)
    {
        using var tree = new TempTree();
        tree.Write("flood.txt", string.Concat(Enumerable.Repeat(unit, 400_000 / unit.Length)) + "tail \u200B\n");
        var full = await Run(tree, new ScanOptions { MaxFindingsPerFile = int.MaxValue, CollectBaseline = withBaselineKeys });
        var capped = await Run(tree, new ScanOptions { MaxFindingsPerFile = 10, CollectBaseline = withBaselineKeys });
        Assert.Equal(full.Summary.Findings, capped.Summary.Findings);
        Assert.Equal(full.Summary.AtOrAbove, capped.Summary.AtOrAbove);
        Assert.Equal(capped.Summary.Findings - 10, capped.Summary.Omitted);
        var byCategory = full.Findings.Skip(10).GroupBy(f => f.Finding.Category).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(byCategory, capped.Omitted.ToDictionary(o => o.Category, o => o.Count));
        Assert.True(full.Summary.Findings > 3 * ScanWindows.Budget / 4);
    }

    [Fact]
    public void WindowsEndAtALineEndOnceTheBudgetIsSpent()
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("\u200B\u200B\n", ScanWindows.Budget)));
        var cut = ScanWindows.Cut(text, newlines: false, out var full);
        Assert.True(full);
        Assert.Equal((byte)'\n', text[cut - 1]);
        Assert.True(cut < text.Length);
        Assert.Equal(700, ScanWindows.Cut(text.AsSpan(0, 700), newlines: false, out full));
        Assert.False(full);
    }

    [Fact] // a buffer can end inside a code point: the window ends before it, the next starts with it whole
    public void ACutWithoutLineEndsNeverSplitsACodePoint()
    {
        byte[] text = [(byte)'a', (byte)'a', 0xE2, 0x80, 0xAE, (byte)'b'];
        Assert.Equal(2, ScanWindows.CutBefore(text.AsSpan(0, 4), 4));
        Assert.Equal(2, ScanWindows.CutBefore(text.AsSpan(0, 3), 3));
        Assert.Equal(5, ScanWindows.CutBefore(text.AsSpan(0, 5), 5));
        Assert.Equal(2, ScanWindows.CutBefore(text, 4));
        Assert.Equal(2, ScanWindows.CutBefore([0xE2, 0x80], 2)); // nothing before it: still progress
    }
}
