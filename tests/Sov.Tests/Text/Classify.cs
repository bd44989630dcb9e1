using System.Text;
using Sov.Core.Text;

namespace Sov.Tests.Text;

/// <summary>Test helper: classify a UTF-16 string as UTF-8, with info findings included.</summary>
internal static class Classify
{
    public static List<TextFinding> Text(string text, SourceKind kind = SourceKind.CLike) =>
        TextClassifier.Classify(Encoding.UTF8.GetBytes(text), new ClassifyOptions(kind, IncludeInfo: true));

    public static List<TextFinding> Loud(string text, SourceKind kind = SourceKind.CLike) =>
        Text(text, kind).Where(f => f.Severity >= Severity.Medium).ToList();

    public static string Describe(IEnumerable<TextFinding> findings) =>
        string.Join("; ", findings.Select(f => $"{f.Line}:{f.Column} {f.CodePointText} {TextCategories.Name(f.Category)}/{Severities.Name(f.Severity)}/{f.Rule}: {f.Message}"));
}
