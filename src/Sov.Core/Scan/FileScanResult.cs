using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>What scanning one file found; <see cref="Skipped"/> files (binary, unreadable) have no findings.</summary>
internal readonly record struct FileScanResult(ScanTarget Target, long Bytes, bool Skipped, IReadOnlyList<TextFinding> Findings, string? Problem, bool Fixed, bool Unfixed)
{
    public string DisplayPath => Target.DisplayPath;

    /// <summary>Whether the report needs this file by name (anything beyond the totals).</summary>
    public bool Notable => Problem is not null || Findings.Count > 0 || Fixed || Unfixed;

    public static FileScanResult Clean(ScanTarget target, long bytes) => new(target, bytes, false, [], null, false, false);

    public static FileScanResult Binary(ScanTarget target, long bytes) => new(target, bytes, true, [], null, false, false);
}
