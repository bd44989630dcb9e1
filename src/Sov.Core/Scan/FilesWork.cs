namespace Sov.Core.Scan;

/// <summary>Files to read and classify; <see cref="Directory"/> is their common folder, or null when they have none.</summary>
internal sealed record FilesWork(string? Directory, ScanTarget[] Files) : ScanWork;
