using System.Runtime.CompilerServices;
using Sov.Core.Text;

namespace Sov.Tests.Text;

/// <summary>
/// #21: each precision case as a fixture file (Precision/, outside any compiled folder pattern: .js, .ts, .py, .md)
/// with the category, severity and position expected of it. The node_modules cases (an emoji with VS16, Unicode
/// folding examples and a Cyrillic alphabet in README prose, a stray VS16 after a word, raw one-character string
/// constants in minified code...) must stay at low or below; the tricks that were too quiet must be loud.
/// </summary>
public sealed class PrecisionFixtureTests
{
    private static readonly string Root = Locate();

    public static TheoryData<string, string, string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string, string, string>();
        foreach (var line in File.ReadLines(Path.Join(Root, "expected.tsv")).Where(l => l.Length > 0 && l[0] != '#'))
        {
            var p = line.Split('\t');
            data.Add(p[0], p[1], p[2], p[3], p[4], p[5]);
        }

        return data;
    }

    /// <summary>A row is either "path line:column codepoint category severity rule" or "path - - none severity -" (nothing at or above it).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void FixtureIsJudgedByContext(string path, string position, string codePoint, string category, string severity, string rule)
    {
        var full = Path.Join(Root, path);
        var findings = TextClassifier.Classify(File.ReadAllBytes(full), new ClassifyOptions(SourceKinds.FromPath(full), IncludeInfo: true));
        Assert.True(Severities.TryParse(severity, out var expected), severity);
        if (category == "none")
        {
            var loud = findings.Where(f => f.Severity >= expected).ToList();
            Assert.True(loud.Count == 0, $"{path}: nothing at or above {severity} expected, got {Classify.Describe(loud)}");
            return;
        }

        var hit = findings.Find(f => $"{f.Line}:{f.Column}" == position && f.CodePointText == codePoint);
        Assert.True(hit is not null, $"{path}: expected {codePoint} at {position}, got {Classify.Describe(findings)}");
        Assert.Equal(category, TextCategories.Name(hit.Category));
        Assert.Equal(expected, hit.Severity);
        Assert.Equal(rule, hit.Rule);
    }

    [Fact]
    public void EveryFixtureFileHasARow()
    {
        var rows = File.ReadLines(Path.Join(Root, "expected.tsv")).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')[0]).ToHashSet();
        var files = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => f != "expected.tsv");
        Assert.All(files, f => Assert.Contains(f, rows));
    }

    private static string Locate([CallerFilePath] string source = "") =>
        Path.Join(Path.GetDirectoryName(source)!, "Precision");
}
