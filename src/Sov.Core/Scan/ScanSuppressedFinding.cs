namespace Sov.Core.Scan;

/// <summary>A suppressed finding in one file; <see cref="Path"/> is as the user named it.</summary>
public sealed record ScanSuppressedFinding(string Path, SuppressedFinding Suppressed);
