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

    /// <summary>Findings shown in full per file (and as many suppressed ones); beyond it they are counted by category.</summary>
    public int MaxFindingsPerFile { get; init; } = 100;

    /// <summary>What <c>.sovscan.toml</c>, inline markers and a baseline suppress; <see cref="ScanSuppressions.None"/> honours nothing.</summary>
    public ScanSuppressions Suppressions { get; init; } = ScanSuppressions.InlineOnly;

    /// <summary>Compute the baseline key of every reported finding (for <c>--write-baseline</c>).</summary>
    public bool CollectBaseline { get; init; }
}
