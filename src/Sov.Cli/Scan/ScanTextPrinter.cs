using Sov.Core.Scan;
using Sov.Core.Text;

namespace Sov.Cli.Scan;

/// <summary>Human output: one line per finding (<c>path:line:column: severity category [rule] message</c>) and a summary.</summary>
internal static class ScanTextPrinter
{
    public static async Task WriteAsync(ScanReport report, TextWriter output)
    {
        foreach (var (path, f) in report.Findings.Select(x => (x.Path, x.Finding)))
        {
            await output.WriteLineAsync(
                $"{TextBorder.Reveal(path)}:{f.Line}:{f.Column}: {Severities.Name(f.Severity)} {TextCategories.Name(f.Category)} {f.CodePointText} [{f.Rule}] {TextBorder.Reveal(f.Message)}")
                .ConfigureAwait(false);
        }

        var s = report.Summary;
        var atOrAbove = report.Findings.Count(x => x.Finding.Severity >= report.FailOn);
        var fixedText = report.FilesFixed > 0 ? $", fixed {report.FilesFixed} file(s)" : string.Empty;
        await output.WriteLineAsync(
            $"{s.Files} file(s), {s.Bytes} bytes scanned, {s.Skipped} skipped; {s.Findings} finding(s), {atOrAbove} at or above {Severities.Name(report.FailOn)}{fixedText}.")
            .ConfigureAwait(false);
    }
}
