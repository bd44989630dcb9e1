using System.Runtime.CompilerServices;

namespace Sov.Tests.Text;

/// <summary>Finds the committed fixtures (tests/fixtures/text, outside any project so C# fixtures are not compiled) from this source file's location.</summary>
internal static class Fixtures
{
    public static string TextRoot { get; } = Locate();

    private static string Locate([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Join(Path.GetDirectoryName(source)!, "..", "..", "fixtures", "text"));

    /// <summary>Rows of expected.tsv: relative path, category (or "none"), severity.</summary>
    public static IEnumerable<(string Path, string Category, string Severity)> Expected() =>
        File.ReadLines(Path.Join(TextRoot, "expected.tsv"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1], p[2]));
}
