using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>A text finding in one file; <see cref="Path"/> is as the user named it (relative paths stay relative).</summary>
public sealed record ScanFinding(string Path, TextFinding Finding);
