using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>A finding that a marker, <c>.sovscan.toml</c> or the baseline suppressed, with why (shown in SARIF).</summary>
public sealed record SuppressedFinding(TextFinding Finding, SuppressionKind Kind, string Justification);
