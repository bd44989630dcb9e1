namespace Sov.Core.Scan;

/// <summary>
/// What may suppress a finding: inline <c>sov-scan: ignore[...]</c> markers in comments, the scanned root's
/// <c>.sovscan.toml</c>, and a baseline of accepted findings. Suppressed findings are counted and kept, never dropped.
/// </summary>
public sealed record ScanSuppressions
{
    /// <summary>Honour nothing: every finding is reported (<c>--no-suppress</c>).</summary>
    public static ScanSuppressions None { get; } = new() { Inline = false };

    /// <summary>Only inline markers (no config file, no baseline).</summary>
    public static ScanSuppressions InlineOnly { get; } = new();

    /// <summary>Honour <c>sov-scan: ignore[...]</c> markers in comments.</summary>
    public bool Inline { get; init; } = true;

    /// <summary>The rules of a <c>.sovscan.toml</c>, or null.</summary>
    public ScanConfig? Config { get; init; }

    /// <summary>Accepted findings (<c>--baseline FILE</c>), or null.</summary>
    public ScanBaseline? Baseline { get; init; }
}
