using Sov.Core.Text;

namespace Sov.Tests.Text;

/// <summary>
/// Every category in C#, Python, JavaScript, TypeScript, Go, Rust, shell, AGENTS.md and .cursorrules
/// (tools/text-fixtures/generate.py writes them): positives are found at their category and severity,
/// negatives (emoji, flags, RTL and CJK prose, Persian ZWNJ, Indic ZWJ, Han IVS, BOM...) stay below medium.
/// </summary>
public sealed class FixtureTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (path, category, severity) in Fixtures.Expected())
        {
            data.Add(path, category, severity);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FixtureIsClassifiedAsExpected(string path, string category, string severity)
    {
        var full = Path.Join(Fixtures.TextRoot, path);
        var findings = TextClassifier.Classify(File.ReadAllBytes(full), new ClassifyOptions(SourceKinds.FromPath(full), IncludeInfo: true));
        Assert.True(Severities.TryParse(severity, out var minimum));
        if (category == "none")
        {
            var loud = findings.Where(f => f.Severity >= minimum).ToList();
            Assert.True(loud.Count == 0, $"{path}: {Classify.Describe(loud)}");
        }
        else
        {
            Assert.True(findings.Exists(f => TextCategories.Name(f.Category) == category && f.Severity >= minimum),
                $"{path}: expected {category} >= {severity}, got {Classify.Describe(findings)}");
        }
    }

    [Fact]
    public void EveryCategoryHasAFixtureInEveryLanguage()
    {
        var rows = Fixtures.Expected().ToList();
        foreach (var category in Enum.GetValues<TextCategory>().Select(TextCategories.Name))
        {
            var languages = rows.Where(r => r.Category == category).Select(r => r.Path.Split('/')[2]).ToHashSet();
            Assert.Superset(new HashSet<string> { "csharp", "python", "javascript", "typescript", "go", "rust", "shell", "agents-md", "cursorrules" }, languages);
            Assert.Equal(9, languages.Count);
        }
    }
}
