using System.IO.Enumeration;

namespace Sov.Core.Scan;

/// <summary>
/// One directory entry as the walker needs it. Files come straight from the directory listing (no stat:
/// asking for attributes costs an lstat per entry); only directories are checked for being symlinks,
/// so a symlinked folder cannot send the walk in a loop. A symlinked file is scanned like a file.
/// <see cref="FullPath"/> is built for directories only; files are opened relative to their folder.
/// </summary>
internal readonly record struct DirectoryEntry(string Name, string? FullPath, bool IsDirectory, bool IsLink)
{
    public static DirectoryEntry From(ref FileSystemEntry entry)
    {
        var isDirectory = entry.IsDirectory;
        var isLink = isDirectory && (entry.Attributes & FileAttributes.ReparsePoint) != 0;
        return new DirectoryEntry(entry.FileName.ToString(), isDirectory ? entry.ToFullPath() : null, isDirectory && !isLink, isLink);
    }
}
