using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>What <c>sov scan</c> was asked to do.</summary>
public sealed record ScanOptions
{
    /// <summary>Files and directories to scan; empty means the current directory.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Walk everything, ignoring .gitignore files.</summary>
    public bool NoIgnore { get; init; }

    /// <summary>Report info findings too (<c>--all</c>).</summary>
    public bool IncludeInfo { get; init; }

    /// <summary>Findings at or above this severity make the scan fail (exit 1) and are what <c>--fix</c> repairs.</summary>
    public Severity FailOn { get; init; } = Severity.Medium;

    /// <summary>Rewrite files, removing or replacing flagged characters.</summary>
    public bool Fix { get; init; }

    /// <summary>Worker threads; 0 means one per processor.</summary>
    public int Parallelism { get; init; }
}
