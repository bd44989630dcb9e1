using Sov.Core.Files.Ignore;

namespace Sov.Core.Scan;

/// <summary>A folder to list, with the .gitignore files in force above it (null when ignore files are not applied).</summary>
internal sealed record FolderWork(string FullPath, string Display, IgnoreStack? Ignores) : ScanWork;
