using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>
/// A window's findings reduced to counts per category, severity, code point and (when a baseline is in play) line
/// hash: all a file needs of a window once its findings no longer fit under the per-file cap.
/// </summary>
internal sealed class WindowSummary
{
    public Dictionary<(TextCategory Category, Severity Severity, int CodePoint, string LineHash), int> Counts { get; } = [];

    public void Add(TextCategory category, Severity severity, int codePoint, string lineHash)
    {
        var key = (category, severity, codePoint, lineHash);
        Counts[key] = Counts.GetValueOrDefault(key) + 1;
    }
}
