using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>
/// What one file contributes to a report: its findings in full up to the per-file cap, the suppressed ones (also up to
/// the cap), and counts: findings reported in all, beyond the cap by category, suppressed in all, at or above the
/// failing threshold. <see cref="BaselineKeys"/> (when asked for) holds every reported finding's baseline key.
/// </summary>
public sealed record FileReport(
    string Path,
    IReadOnlyList<TextFinding> Findings,
    IReadOnlyList<SuppressedFinding> Suppressed,
    IReadOnlyDictionary<TextCategory, int> Omitted,
    int Reported,
    int SuppressedCount,
    int AtOrAbove,
    IReadOnlyDictionary<string, int>? BaselineKeys)
{
    public int OmittedCount => Omitted.Values.Sum();

    public bool IsEmpty => Reported == 0 && SuppressedCount == 0;
}
