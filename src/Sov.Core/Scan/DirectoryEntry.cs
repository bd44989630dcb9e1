using System.IO.Enumeration;

namespace Sov.Core.Scan;

/// <summary>One directory entry as the walker needs it, read straight from the enumeration (no extra stat or readlink).</summary>
internal readonly record struct DirectoryEntry(string Name, string FullPath, bool IsDirectory, bool IsLink)
{
    public static DirectoryEntry From(ref FileSystemEntry entry)
    {
        var isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
        return new DirectoryEntry(entry.FileName.ToString(), entry.ToFullPath(), !isLink && entry.IsDirectory, isLink);
    }
}
