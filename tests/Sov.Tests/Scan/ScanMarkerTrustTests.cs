using Sov.Borders.FileSystem;
using Sov.Core.Scan;
using Sov.Core.Text;

namespace Sov.Tests.Scan;

/// <summary>
/// #21 (review): an inline marker must not be a way to hide an attack. Markers never suppress critical findings, a
/// marker on a line with a bidi control is no marker, a marker in a string (Lua, C# raw and verbatim strings) is
/// text, and prose (Markdown, agent rules files) honours no inline markers. <c>.sovscan.toml</c> and baselines still can.
/// </summary>
public sealed class ScanMarkerTrustTests
{
    private const string Zwsp = "\u200B";
    private const string Rlo = "\u202E";
    private const string Lri = "\u2066";
    private const string Pdi = "\u2069";
    private const string Tags = "\U000E0068\U000E0069\U000E0064\U000E0065";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ScanReport> Run(TempTree tree, ScanSuppressions? suppressions = null) =>
        ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), new ScanOptions { Suppressions = suppressions ?? ScanSuppressions.InlineOnly }, tree.Root, Ct);

    [Fact]
    public async Task AMarkerInsideATrojanSourceCommentSuppressesNothing()
    {
        using var tree = new TempTree();
        tree.Write("a.js", $"var isAdmin=false;\n/*{Rlo} }} {Lri}if (isAdmin){Pdi} {Lri} sov-scan: ignore begin admins only */\n");
        var report = await Run(tree);
        Assert.True(report.Failed);
        Assert.Contains(report.Findings, f => f.Finding.Severity == Severity.Critical);
        Assert.Empty(report.Suppressed);
    }

    [Fact]
    public async Task AMarkerOnALineWithABidiMarkIsNoMarker()
    {
        using var tree = new TempTree();
        tree.Write("a.cs", $"var a = \"x{Zwsp}y\"; // \u200F sov-scan: ignore[zero-width]\n");
        var report = await Run(tree);
        Assert.Contains(report.Findings, f => f.Finding.Category == TextCategory.ZeroWidth);
        Assert.DoesNotContain(report.Suppressed, s => s.Suppressed.Finding.Category == TextCategory.ZeroWidth);
    }

    [Fact]
    public async Task AMarkerNeverSuppressesACriticalFindingButTomlAndBaselineCan()
    {
        using var tree = new TempTree();
        tree.Write("a.py", $"# sov-scan: ignore\nx = \"{Tags}\"\n");
        var report = await Run(tree);
        Assert.Contains(report.Findings, f => f.Finding.Severity == Severity.Critical && f.Finding.Category == TextCategory.Tag);

        var config = ScanConfigLoader.Parse(Path.Join(tree.Root, ".sovscan.toml"), tree.Root, "[[suppress]]\npaths = [\"a.py\"]\nreason = \"fixture\"\n");
        var toml = await Run(tree, new ScanSuppressions { Config = config });
        Assert.Empty(toml.Findings);
        Assert.Contains(toml.Suppressed, s => s.Suppressed.Kind == SuppressionKind.External && s.Suppressed.Finding.Severity == Severity.Critical);

        // A baseline is a reviewed file too: it may accept a critical finding (docs/text-border.md, "Suppressions").
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        await ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), new ScanOptions { CollectBaseline = true, Suppressions = ScanSuppressions.None }, tree.Root, Ct, new KeySink(keys));
        var path = Path.Join(tree.Root, "..", Path.GetFileName(tree.Root) + ".critical.baseline.json");
        ScanBaseline.Write(path, keys);
        try
        {
            var baselined = await Run(tree, new ScanSuppressions { Baseline = ScanBaseline.Load(path) });
            Assert.DoesNotContain(baselined.Findings, f => f.Finding.Severity == Severity.Critical);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class KeySink(Dictionary<string, int> keys) : IScanSink
    {
        public void Add(FileReport file)
        {
            foreach (var (k, n) in file.BaselineKeys ?? new Dictionary<string, int>())
            {
                keys[k] = keys.GetValueOrDefault(k) + n;
            }
        }
    }

    [Fact]
    public async Task AMarkerInALuaStringIsText()
    {
        using var tree = new TempTree();
        tree.Write("a.lua", $"local s = \"-- sov-scan: ignore\"\nlocal t = \"a{Zwsp}{Zwsp}b\"\n");
        var report = await Run(tree);
        Assert.Empty(report.Suppressed);
        Assert.NotEmpty(report.Findings);
    }

    [Fact]
    public async Task AMarkerStartingAPlainLineStillCounts()
    {
        using var tree = new TempTree();
        tree.Write("a.lua", $"  -- sov-scan: ignore[zero-width]\nlocal t = \"a{Zwsp}{Zwsp}b\"\n");
        var report = await Run(tree);
        Assert.Empty(report.Findings);
        Assert.NotEmpty(report.Suppressed);
    }

    [Theory]
    [InlineData("var s = \"\"\"\n    // sov-scan: ignore\n    \"\"\";\nvar t = \"a\u200Bb\";\n")]
    [InlineData("var s = \"\"\"\"\n    \"\"\" // sov-scan: ignore\n    \"\"\"\";\nvar t = \"a\u200Bb\";\n")]
    [InlineData("var s = @\"\n    \"\" // sov-scan: ignore\n    \";\nvar t = \"a\u200Bb\";\n")]
    [InlineData("var s = $@\"{x}\n    // sov-scan: ignore\";\nvar t = \"a\u200Bb\";\n")]
    public async Task AMarkerInACSharpRawOrVerbatimStringIsText(string source)
    {
        using var tree = new TempTree();
        tree.Write("a.cs", source);
        var report = await Run(tree);
        Assert.Empty(report.Suppressed);
        Assert.Contains(report.Findings, f => f.Finding.Category == TextCategory.ZeroWidth);
    }

    [Fact]
    public async Task AfterACSharpRawStringAMarkerCountsAgain()
    {
        using var tree = new TempTree();
        tree.Write("a.cs", $"var s = \"\"\"\n  text\n  \"\"\";\nvar t = \"a{Zwsp}b\"; // sov-scan: ignore[zero-width]\n");
        var report = await Run(tree);
        Assert.Empty(report.Findings);
        Assert.NotEmpty(report.Suppressed);
    }

    [Theory]
    [InlineData("AGENTS.md")]
    [InlineData("CLAUDE.md")]
    [InlineData(".cursorrules")]
    [InlineData("docs/notes.md")]
    [InlineData("notes.txt")]
    public async Task ProseHonoursNoInlineMarker(string path)
    {
        using var tree = new TempTree();
        tree.Write(path, $"<!-- sov-scan: ignore -->\nAlways run the setup script.{Tags}\n# sov-scan: ignore\nsee a{Zwsp}b\n");
        var report = await Run(tree);
        Assert.Empty(report.Suppressed);
        Assert.Contains(report.Findings, f => f.Finding.Category == TextCategory.Tag);
        Assert.True(report.Failed);
    }
}
