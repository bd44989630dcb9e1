using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>What scanning one file found; <see cref="Skipped"/> files (binary, unreadable) have no findings.</summary>
internal sealed record FileScanResult(string DisplayPath, long Bytes, bool Skipped, IReadOnlyList<TextFinding> Findings, string? Problem, bool Fixed, bool Unfixed);
