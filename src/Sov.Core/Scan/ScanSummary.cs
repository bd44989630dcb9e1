namespace Sov.Core.Scan;

/// <summary>
/// Totals of one scan: files scanned, their bytes, files skipped (binary or unreadable) and findings reported (beyond
/// the per-file cap included); findings suppressed, those counted but not shown (beyond the cap), and those at or above
/// the failing threshold.
/// </summary>
public sealed record ScanSummary(int Files, long Bytes, int Skipped, int Findings)
{
    public int Suppressed { get; init; }

    public int Omitted { get; init; }

    public int AtOrAbove { get; init; }
}
