using Sov.Core.Files.Ignore;

namespace Sov.Core.Scan;

/// <summary>One item of the scan's work: a folder to list, or files to read.</summary>
internal abstract record ScanWork;

/// <summary>A folder to list, with the .gitignore files in force above it.</summary>
internal sealed record FolderWork(string FullPath, string Display, IgnoreStack Ignores) : ScanWork;

/// <summary>Files to read and classify; <see cref="Directory"/> is their common folder, or null when they have none.</summary>
internal sealed record FilesWork(string? Directory, ScanTarget[] Files) : ScanWork;
