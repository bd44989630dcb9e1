namespace Sov.Core.Scan;

/// <summary>What scanning one file found; <see cref="Skipped"/> files (binary, unreadable) have no report.</summary>
internal readonly record struct FileScanResult(ScanTarget Target, long Bytes, bool Skipped, FileReport? Report, string? Problem, bool Fixed, bool Unfixed, IReadOnlyList<string>? MarkerProblems = null)
{
    public string DisplayPath => Target.DisplayPath;

    /// <summary>Whether the report needs this file by name (anything beyond the totals).</summary>
    public bool Notable => Problem is not null || Report is { IsEmpty: false } || Fixed || Unfixed || MarkerProblems is { Count: > 0 };

    public static FileScanResult Clean(ScanTarget target, long bytes) => new(target, bytes, false, null, null, false, false);

    public static FileScanResult Binary(ScanTarget target, long bytes) => new(target, bytes, true, null, null, false, false);
}
