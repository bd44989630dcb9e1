using Sov.Core.Scan;

namespace Sov.Cli.Scan;

/// <summary>The JSON report of a collected <see cref="ScanReport"/> (tests, and output not streamed), written by <see cref="ScanJsonSink"/>.</summary>
internal static class ScanJsonPrinter
{
    public static Task WriteAsync(ScanReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sink = new ScanJsonSink(output);
        var omitted = report.Omitted.ToLookup(o => o.Path, StringComparer.Ordinal);
        foreach (var file in report.Findings.GroupBy(f => f.Path, StringComparer.Ordinal))
        {
            var over = omitted[file.Key].ToDictionary(o => o.Category, o => o.Count);
            sink.Add(new FileReport(file.Key, [.. file.Select(f => f.Finding)], [], over, file.Count(), 0, 0, null));
        }

        sink.Finish(report);
        return Task.CompletedTask;
    }
}
