namespace Sov.Core.Scan;

/// <summary>One file to scan: its full path and the path to print.</summary>
internal readonly record struct ScanTarget(string FullPath, string DisplayPath);
