using Sov.Core.Text;
using Sov.Core.Tools.Search;

namespace Sov.Core.Scan;

/// <summary>
/// One <c>[[suppress]]</c> entry of <c>.sovscan.toml</c>: files matching any of <see cref="Paths"/> (all files when
/// empty), findings of <see cref="Categories"/> (all when null) and below <see cref="MinSeverity"/> (any severity when
/// null) are suppressed, for <see cref="Reason"/>. <see cref="Line"/> is where the entry starts in the file.
/// </summary>
public sealed record SuppressRule(IReadOnlyList<GlobPattern> Paths, IReadOnlySet<TextCategory>? Categories, Severity? MinSeverity, string Reason, int Line)
{
    public bool MatchesPath(string relativePath) => Paths.Count == 0 || Paths.Any(p => p.IsMatch(relativePath));

    public bool Covers(TextCategory category, Severity severity) =>
        (Categories is null || Categories.Contains(category)) && (MinSeverity is not { } min || severity < min);
}
