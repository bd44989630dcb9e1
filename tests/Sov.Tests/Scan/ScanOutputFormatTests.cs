using System.Text.Json;
using Sov.Borders.FileSystem;
using Sov.Cli.Scan;
using Sov.Core.Scan;

namespace Sov.Tests.Scan;

/// <summary>#21: SARIF keeps suppressed findings as results with <c>suppressions</c>; <c>--format github</c> escapes workflow commands.</summary>
public sealed class ScanOutputFormatTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SarifKeepsSuppressedFindingsWithKindAndJustification()
    {
        using var tree = new TempTree();
        tree.Write("a.cs", "var a = \"x\u200By\"; // sov-scan: ignore[zero-width]\n\nvar b = \"x\u200By\";\n");
        tree.Write("f/b.cs", "var s = \"\u202E\";\n");
        var config = ScanConfigLoader.Parse(Path.Join(tree.Root, ".sovscan.toml"), tree.Root, "[[suppress]]\npaths = [\"f/**\"]\nreason = \"fixtures\"\n");
        var sink = new ScanCollectingSink();
        var totals = await ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), new ScanOptions { Suppressions = new ScanSuppressions { Config = config } }, tree.Root, Ct, sink);
        var report = sink.Complete(totals);
        using var output = new StringWriter();
        await ScanSarifPrinter.WriteAsync(report, output, "test");

        using var sarif = JsonDocument.Parse(output.ToString());
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var suppressed = results.Where(r => r.TryGetProperty("suppressions", out _)).Select(r => r.GetProperty("suppressions")[0]).ToList();
        Assert.Contains(suppressed, s => s.GetProperty("kind").GetString() == "inSource");
        Assert.Contains(suppressed, s => s.GetProperty("kind").GetString() == "external"
            && s.GetProperty("justification").GetString() == ".sovscan.toml:1: fixtures");
        Assert.Contains(results, r => !r.TryGetProperty("suppressions", out _)); // line 3 of a.cs is reported (a marker covers its line and the next)
        Assert.Equal(report.Summary.Findings + report.Summary.Suppressed, results.Count);
    }

    [Theory]
    [InlineData("a,b:c%d\r\ne", "a%2Cb%3Ac%25d%0D%0Ae")]
    [InlineData("plain/path.cs", "plain/path.cs")]
    public void GitHubPropertiesEscapePercentLineEndsColonsAndCommas(string raw, string escaped) =>
        Assert.Equal(escaped, GitHubAnnotations.Property(raw));

    [Fact]
    public void GitHubMessagesEscapePercentAndLineEndsAndRevealHiddenCharacters()
    {
        var data = GitHubAnnotations.Data("100% sure:\nnext, \u202E");
        Assert.StartsWith("100%25 sure:%0Anext, ", data, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', data);
        Assert.Equal("a.cs", GitHubAnnotations.Path("./a.cs"));
    }

    [Fact]
    public void GitHubSinkWritesOneAnnotationPerFindingAndTheOverflow()
    {
        using var output = new StringWriter();
        var finding = new Sov.Core.Text.TextFinding(3, 7, 0x202E, Sov.Core.Text.TextCategory.Bidi, Sov.Core.Text.Severity.Critical,
            "bidi-unterminated", "U+202E (RLO) is not closed", 0, 3, Sov.Core.Text.FixAction.Remove);
        var over = new Dictionary<Sov.Core.Text.TextCategory, int> { [Sov.Core.Text.TextCategory.Bidi] = 5 };
        new ScanGitHubSink(output, 1).Add(new FileReport("dir,x/a:b.cs", [finding], [], over, 6, 0, 6, null));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("::error file=dir%2Cx/a%3Ab.cs,line=3,col=7,title=sov scan%3A critical bidi U+202E [bidi-unterminated]::U+202E (RLO) is not closed", lines[0]);
        Assert.StartsWith("::notice file=dir%2Cx/a%3Ab.cs,", lines[1], StringComparison.Ordinal);
        Assert.Contains("and 5 more finding(s) of category bidi", lines[1], StringComparison.Ordinal);
    }
}
