using Sov.Borders.FileSystem;
using Sov.Core.Scan;
using Sov.Core.Text;

namespace Sov.Tests.Scan;

/// <summary>#21: inline <c>sov-scan: ignore[...]</c> markers and <c>.sovscan.toml</c> rules suppress findings, which stay counted and kept.</summary>
public sealed class ScanSuppressionTests
{
    private const string Zwsp = "\u200B";
    private const string Rlo = "\u202E";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ScanReport> Run(TempTree tree, ScanSuppressions? suppressions = null) =>
        ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), new ScanOptions { Suppressions = suppressions ?? ScanSuppressions.InlineOnly }, tree.Root, Ct);

    [Fact]
    public async Task AMarkerInACommentOnTheSameLineSuppressesItsCategory()
    {
        using var tree = new TempTree();
        tree.Write("a.cs", $"var a = \"x{Zwsp}y\"; // sov-scan: ignore[zero-width] test data\n");
        var report = await Run(tree);
        Assert.Empty(report.Findings);
        var s = Assert.Single(report.Suppressed);
        Assert.Equal(SuppressionKind.InSource, s.Suppressed.Kind);
        Assert.Equal(TextCategory.ZeroWidth, s.Suppressed.Finding.Category);
        Assert.Equal(1, report.Summary.Suppressed);
        Assert.False(report.Failed);
    }

    [Fact]
    public async Task AMarkerOnThePreviousLineCoversTheNextLineOnly()
    {
        using var tree = new TempTree();
        tree.Write("a.py", $"# sov-scan: ignore[zero-width, bidi]\nx = \"a{Zwsp}b\"\ny = \"c{Zwsp}d\"\n");
        var report = await Run(tree);
        var left = Assert.Single(report.Findings);
        Assert.Equal(3, left.Finding.Line);
        Assert.Equal(2, Assert.Single(report.Suppressed).Suppressed.Finding.Line);
    }

    [Fact]
    public async Task AMarkerForAnotherCategorySuppressesNothing()
    {
        using var tree = new TempTree();
        tree.Write("a.cs", $"var a = \"x{Zwsp}y\"; // sov-scan: ignore[bidi]\n");
        var report = await Run(tree);
        Assert.Single(report.Findings);
        Assert.Empty(report.Suppressed);
    }

    [Fact]
    public async Task AMarkerInsideAStringLiteralIsNotAMarker()
    {
        using var tree = new TempTree();
        tree.Write("a.js", $"var m = \"// sov-scan: ignore[zero-width]\"; var a = \"x{Zwsp}y\";\n");
        var report = await Run(tree);
        Assert.Single(report.Findings);
        Assert.Equal(0, report.Summary.Suppressed);
    }

    [Fact]
    public async Task ABareMarkerCoversEveryCategoryAndNoSuppressHonoursNone()
    {
        using var tree = new TempTree();
        tree.Write("a.cs", $"// sov-scan: ignore\nvar a = \"x{Zwsp}y\"; /* a\u00A0b */\n"); // #21: not a critical (bidi) finding: markers never hide those
        var report = await Run(tree);
        Assert.Empty(report.Findings);
        Assert.True(report.Summary.Suppressed >= 2);

        var all = await Run(tree, ScanSuppressions.None);
        Assert.True(all.Findings.Count >= 2);
        Assert.True(all.Failed);
    }

    [Fact]
    public async Task AnUnknownCategoryInAMarkerIsAProblemNotASuppression()
    {
        using var tree = new TempTree();
        tree.Write("a.cs", $"var a = \"x{Zwsp}y\"; // sov-scan: ignore[zero-wdth]\n");
        var report = await Run(tree);
        Assert.Single(report.Findings);
        Assert.Contains(report.Problems, p => p.Contains("a.cs:1: unknown category 'zero-wdth'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfigRulesMatchPathsCategoriesAndMinimumSeverity()
    {
        using var tree = new TempTree();
        tree.Write("fixtures/bidi.cs", $"var s = \"{Rlo}\";\n");
        tree.Write("fixtures/zw.cs", $"var s = \"a{Zwsp}b\";\n");
        tree.Write("docs/notes.md", $"a{Zwsp}b and {Rlo}x\n");
        tree.Write("src/main.cs", $"var s = \"a{Zwsp}b\";\n");
        var config = ScanConfigLoader.Parse(Path.Join(tree.Root, ".sovscan.toml"), tree.Root, """
            [[suppress]]
            paths = ["fixtures/**"]
            categories = ["bidi"]
            reason = "Trojan Source fixtures for the scanner's tests"

            [[suppress]]
            paths = ["docs/**"]
            min-severity = "high"
            reason = "docs show the characters they explain"
            """);
        var report = await Run(tree, new ScanSuppressions { Config = config });

        var left = report.Findings.Select(f => $"{f.Path}:{TextCategories.Name(f.Finding.Category)}").Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("fixtures/zw.cs:zero-width", left); // the category was not listed
        Assert.Contains("src/main.cs:zero-width", left); // the path did not match
        Assert.DoesNotContain(left, l => l.StartsWith("fixtures/bidi.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.Path == "docs/notes.md" && f.Finding.Severity < Severity.High);
        Assert.Contains(report.Suppressed, s => s.Path == "fixtures/bidi.cs" && s.Suppressed.Kind == SuppressionKind.External
            && s.Suppressed.Justification == ".sovscan.toml:1: Trojan Source fixtures for the scanner's tests");
        Assert.Contains(report.Suppressed, s => s.Path == "docs/notes.md" && s.Suppressed.Justification.Contains(":6:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[[suppress]]\npaths = [\"a/**\"]\n", ":1: this [[suppress]] entry needs a reason")]
    [InlineData("[[suppress]]\nreason = \"x\"\ncategories = [\"bidi\", \"nope\"]\n", ":3: unknown category 'nope'")]
    [InlineData("[[suppress]]\nreason = \"x\"\nmin-severity = \"loud\"\n", ":3: min-severity must be one of")]
    [InlineData("[[suppress]]\nreason = \"x\"\npath = [\"a\"]\n", ":3: unknown key 'path'")]
    [InlineData("[[suppress]]\nreason = \"x\"\n\n[[suppress]]\nreason = \"y\"\ncategories = \"bidi\"\n", ":6: 'categories' must be a list of strings")]
    [InlineData("[[suppress]\nreason = 1\n", ":1:")]
    public void ABadConfigIsOneLineNamingFileAndLine(string toml, string expected)
    {
        var e = Assert.Throws<ScanConfigException>(() => ScanConfigLoader.Parse("/r/.sovscan.toml", "/r", toml));
        Assert.StartsWith("/r/.sovscan.toml:", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(3, e.ExitCode);
    }
}
