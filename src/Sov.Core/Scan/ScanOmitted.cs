using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>How many findings of a category one file had beyond the per-file cap (counted, not shown).</summary>
public sealed record ScanOmitted(string Path, TextCategory Category, int Count);
