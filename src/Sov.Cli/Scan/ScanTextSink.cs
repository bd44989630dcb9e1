using Sov.Core.Scan;
using Sov.Core.Text;

namespace Sov.Cli.Scan;

/// <summary>
/// Human output, streamed: each file's findings as it finishes (<c>path:line:column: severity category U+XXXX [rule]
/// message</c>), a line per category counted beyond the per-file cap, and a summary at the end.
/// </summary>
internal sealed class ScanTextSink(TextWriter output, int cap) : IScanSink
{
    public void Add(FileReport file)
    {
        var path = TextBorder.Reveal(file.Path);
        foreach (var f in file.Findings)
        {
            output.WriteLine($"{path}:{f.Line}:{f.Column}: {Severities.Name(f.Severity)} {TextCategories.Name(f.Category)} {f.CodePointText} [{f.Rule}] {TextBorder.Reveal(f.Message)}");
        }

        foreach (var (category, count) in file.Omitted.OrderBy(p => p.Key))
        {
            output.WriteLine($"{path}: {Omitted(category, count, cap)}");
        }

        output.Flush();
    }

    /// <summary>What a file's findings beyond the cap become, in every streamed format: one line per category.</summary>
    public static string Omitted(TextCategory category, int count, int cap) =>
        $"and {count} more finding(s) of category {TextCategories.Name(category)} (only the first {cap} per file are shown)";

    public static string Summary(ScanReport report)
    {
        var s = report.Summary;
        var fixedText = report.FilesFixed > 0 ? $", fixed {report.FilesFixed} file(s)" : string.Empty;
        var suppressed = s.Suppressed > 0 ? $", {s.Suppressed} suppressed" : string.Empty;
        return $"{s.Files} file(s), {s.Bytes} bytes scanned, {s.Skipped} skipped; {s.Findings} finding(s), {s.AtOrAbove} at or above {Severities.Name(report.FailOn)}{suppressed}{fixedText}.";
    }
}
