using Sov.Borders.FileSystem;
using Sov.Core.Scan;

namespace Sov.Tests.Scan;

/// <summary>#21: a baseline accepts today's findings by file, category, code point and line hash; only new ones are reported.</summary>
public sealed class ScanBaselineTests
{
    private const string Zwsp = "\u200B";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ScanReport> Run(TempTree tree, ScanOptions options, IScanSink? sink = null) =>
        ScanRunner.RunAsync<ScanReads>(new NativeFileSystem(), options, tree.Root, Ct, sink);

    private sealed class Keys : IScanSink
    {
        public Dictionary<string, int> All { get; } = new(StringComparer.Ordinal);

        public void Add(FileReport file)
        {
            foreach (var (k, n) in file.BaselineKeys ?? new Dictionary<string, int>())
            {
                All[k] = All.GetValueOrDefault(k) + n;
            }
        }
    }

    private static async Task<string> WriteBaseline(TempTree tree)
    {
        var keys = new Keys();
        await Run(tree, new ScanOptions { CollectBaseline = true }, keys);
        var path = Path.Join(tree.Root, "..", Path.GetFileName(tree.Root) + ".baseline.json");
        ScanBaseline.Write(path, keys.All);
        return path;
    }

    [Fact]
    public async Task UnrelatedEditsAndMovedLinesStaySuppressedAndANewCharacterIsExactlyOneNewFinding()
    {
        using var tree = new TempTree();
        tree.Write("a.cs", $"int a = 1;\nvar s = \"x{Zwsp}y\";\nvar t = \"p{Zwsp}q{Zwsp}r\";\n");
        var baselinePath = await WriteBaseline(tree);
        try
        {
            var baseline = () => new ScanOptions { Suppressions = new ScanSuppressions { Baseline = ScanBaseline.Load(baselinePath) } };

            // an unrelated line edited and lines added above: the accepted lines moved, their content did not change
            tree.Write("a.cs", $"// header\nint a = 2;\n\nvar s = \"x{Zwsp}y\";\nvar t = \"p{Zwsp}q{Zwsp}r\";\n");
            var report = await Run(tree, baseline());
            Assert.Empty(report.Findings);
            Assert.Equal(3, report.Summary.Suppressed);
            Assert.All(report.Suppressed, s => Assert.Equal(SuppressionKind.External, s.Suppressed.Kind));
            Assert.False(report.Failed);

            tree.Write("a.cs", $"// header\nint a = 2;\nvar u = \"m{Zwsp}n\";\nvar s = \"x{Zwsp}y\";\nvar t = \"p{Zwsp}q{Zwsp}r\";\n");
            report = await Run(tree, baseline());
            var added = Assert.Single(report.Findings);
            Assert.Equal(3, added.Finding.Line);
            Assert.True(report.Failed);
        }
        finally
        {
            File.Delete(baselinePath);
        }
    }

    [Fact]
    public async Task ABadBaselineFileIsAConfigError()
    {
        using var tree = new TempTree();
        var path = tree.Write("b.json", "{\"version\": 7, \"findings\": []}");
        var e = Assert.Throws<ScanConfigException>(() => ScanBaseline.Load(path));
        Assert.Contains("b.json", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, e.ExitCode);
    }
}
