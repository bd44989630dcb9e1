namespace Sov.Core.Scan;

/// <summary>Totals of one scan: files scanned, their bytes, files skipped (binary or unreadable) and findings reported.</summary>
public sealed record ScanSummary(int Files, long Bytes, int Skipped, int Findings);
