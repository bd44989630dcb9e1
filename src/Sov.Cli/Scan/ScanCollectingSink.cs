using Sov.Core.Scan;

namespace Sov.Cli.Scan;

/// <summary>Keeps every file's (capped) report for output that needs the whole run (SARIF), ordered by path at the end.</summary>
internal sealed class ScanCollectingSink : IScanSink
{
    private readonly List<FileReport> _files = [];

    public void Add(FileReport file) => _files.Add(file);

    /// <summary>The totals of <paramref name="report"/> with the collected findings, suppressed findings and overflow.</summary>
    public ScanReport Complete(ScanReport report)
    {
        var files = _files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        return report with
        {
            Findings = [.. files.SelectMany(f => f.Findings.Select(x => new ScanFinding(f.Path, x)))],
            Suppressed = [.. files.SelectMany(f => f.Suppressed.Select(x => new ScanSuppressedFinding(f.Path, x)))],
            Omitted = [.. files.SelectMany(f => f.Omitted.OrderBy(p => p.Key).Select(p => new ScanOmitted(f.Path, p.Key, p.Value)))],
        };
    }
}
