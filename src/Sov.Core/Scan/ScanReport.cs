using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>The outcome of a scan: findings ordered by path and position, totals, problems met on the way, fixes made.</summary>
public sealed record ScanReport(
    IReadOnlyList<ScanFinding> Findings,
    ScanSummary Summary,
    IReadOnlyList<string> Problems,
    int FilesFixed,
    Severity FailOn)
{
    /// <summary>True when some finding at or above the threshold is left (after fixing, when fixing).</summary>
    public bool Failed { get; init; }
}
