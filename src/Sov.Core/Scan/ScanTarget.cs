namespace Sov.Core.Scan;

/// <summary>
/// One file to scan: the folder it is in, its name there, and how to print its path. The printed path is only
/// built when something is reported, so a clean file costs no string beyond its name.
/// </summary>
internal readonly record struct ScanTarget(string Directory, string Name, string FolderDisplay, string? Display = null)
{
    public string FullPath => Path.Join(Directory, Name);

    public string DisplayPath => Display ?? (FolderDisplay is "." ? Name : string.Concat(FolderDisplay, "/", Name));

    /// <summary>A file named on the command line: printed as it was named.</summary>
    public static ScanTarget Named(string fullPath, string display) =>
        new(Path.GetDirectoryName(fullPath) ?? "/", Path.GetFileName(fullPath), "", display);
}
