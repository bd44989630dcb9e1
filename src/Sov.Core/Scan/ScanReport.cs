using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>
/// The outcome of a scan: findings ordered by path and position (when collected rather than streamed to a sink), the
/// suppressed ones and the per-file overflow (likewise), totals, problems met on the way, fixes made.
/// </summary>
public sealed record ScanReport(
    IReadOnlyList<ScanFinding> Findings,
    ScanSummary Summary,
    IReadOnlyList<string> Problems,
    int FilesFixed,
    Severity FailOn)
{
    /// <summary>True when some finding at or above the threshold is left (after fixing, when fixing).</summary>
    public bool Failed { get; init; }

    /// <summary>Suppressed findings, shown in full up to the per-file cap.</summary>
    public IReadOnlyList<ScanSuppressedFinding> Suppressed { get; init; } = [];

    /// <summary>Findings beyond the per-file cap, counted by file and category.</summary>
    public IReadOnlyList<ScanOmitted> Omitted { get; init; } = [];
}
