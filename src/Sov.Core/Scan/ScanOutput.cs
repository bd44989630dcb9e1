
namespace Sov.Core.Scan;

/// <summary>
/// Where finished files go: straight to the sink when there is one (streaming; only problems and fix outcomes are
/// kept), else kept for a report ordered by path. Workers call <see cref="Add"/> concurrently; it serialises them.
/// </summary>
internal sealed class ScanOutput(IScanSink? sink)
{
    private readonly Lock _gate = new();
    private readonly List<FileScanResult> _kept = [];
    private readonly List<string> _problems = [];
    private int _fixed;
    private bool _failed;

    public void Add(in FileScanResult result)
    {
        lock (_gate)
        {
            _fixed += result.Fixed ? 1 : 0;
            _failed |= result.Unfixed;
            if (sink is null)
            {
                _kept.Add(result);
                return;
            }

            AddProblems(result, _problems);
            if (!result.Skipped && result.Report is { IsEmpty: false } report)
            {
                sink.Add(report);
            }
        }
    }

    public ScanReport Build(IReadOnlyList<ScanTally> tallies, IReadOnlyList<string> walkProblems, ScanOptions options)
    {
        var problems = new List<string>(walkProblems);
        var findings = new List<ScanFinding>();
        var suppressed = new List<ScanSuppressedFinding>();
        var omitted = new List<ScanOmitted>();
        lock (_gate)
        {
            problems.AddRange(_problems);
            _kept.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
            foreach (var r in _kept)
            {
                AddProblems(r, problems);
                if (r.Skipped || r.Report is not { } report)
                {
                    continue;
                }

                findings.AddRange(report.Findings.Select(f => new ScanFinding(report.Path, f)));
                suppressed.AddRange(report.Suppressed.Select(f => new ScanSuppressedFinding(report.Path, f)));
                omitted.AddRange(report.Omitted.OrderBy(p => p.Key).Select(p => new ScanOmitted(report.Path, p.Key, p.Value)));
            }
        }

        var summary = new ScanSummary(tallies.Sum(t => t.Files), tallies.Sum(t => t.Bytes), tallies.Sum(t => t.Skipped), tallies.Sum(t => t.Reported))
        {
            Suppressed = tallies.Sum(t => t.Suppressed),
            Omitted = tallies.Sum(t => t.Omitted),
            AtOrAbove = tallies.Sum(t => t.AtOrAbove),
        };
        return new ScanReport(findings, summary, problems, _fixed, options.FailOn)
        {
            Failed = _failed,
            Suppressed = suppressed,
            Omitted = omitted,
        };
    }

    private static void AddProblems(in FileScanResult result, List<string> problems)
    {
        if (result.Problem is not null)
        {
            problems.Add(result.Problem);
        }

        if (result.MarkerProblems is { } more)
        {
            problems.AddRange(more);
        }
    }
}
