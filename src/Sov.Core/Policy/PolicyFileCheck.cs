using System.Globalization;

namespace Sov.Core.Policy;

/// <summary>
/// Whether the policy file can be trusted: the file itself a regular file owned by root (or the trusted owner a
/// test names; the product's is root) and
/// writable by nobody else (no group or other write bit); every folder above it likewise, except that a folder
/// writable by all but sticky (<c>/tmp</c>) is accepted, since there only an entry's owner may replace it.
/// A symlink anywhere on the way is refused. Pure logic: Sov.Borders does the <c>lstat</c> calls.
/// </summary>
public static class PolicyFileCheck
{
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int Folder = 0x4000;
    private const int GroupOrOtherWrite = 0x12; // 0o022
    private const int Sticky = 0x200; // 0o1000

    /// <param name="file">The policy file.</param>
    /// <param name="folders">Its folders, nearest first, up to <c>/</c>.</param>
    /// <returns>Null when trusted, else why not (a sentence part: "it is writable by group or others (mode 0666)").</returns>
    public static string? Problem(PolicyPathEntry file, IEnumerable<PolicyPathEntry> folders, uint trustedOwner)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(folders);
        if ((file.Mode & TypeMask) != Regular)
        {
            return $"{file.Path} is not a regular file";
        }

        if (Unsafe(file, trustedOwner, allowSticky: false) is { } why)
        {
            return why;
        }

        foreach (var folder in folders)
        {
            if ((folder.Mode & TypeMask) != Folder)
            {
                return $"{folder.Path} is not a folder (a symlink on the way is refused)";
            }

            if (Unsafe(folder, trustedOwner, allowSticky: true) is { } folderWhy)
            {
                return folderWhy;
            }
        }

        return null;
    }

    private static string? Unsafe(PolicyPathEntry entry, uint trustedOwner, bool allowSticky)
    {
        if (entry.Owner != 0 && entry.Owner != trustedOwner)
        {
            return $"{entry.Path} is owned by uid {entry.Owner.ToString(CultureInfo.InvariantCulture)}, not {(trustedOwner == 0 ? "root" : "uid " + trustedOwner.ToString(CultureInfo.InvariantCulture))}";
        }

        return (entry.Mode & GroupOrOtherWrite) != 0 && !(allowSticky && (entry.Mode & Sticky) != 0)
            ? $"{entry.Path} is writable by group or others (mode {Convert.ToString(entry.Mode & 0xFFF, 8).PadLeft(4, '0')})"
            : null;
    }

    /// <summary>The folders above <paramref name="path"/>, nearest first, up to <c>/</c>.</summary>
    public static IReadOnlyList<string> FoldersOf(string path)
    {
        var result = new List<string>();
        for (var folder = System.IO.Path.GetDirectoryName(path); !string.IsNullOrEmpty(folder); folder = System.IO.Path.GetDirectoryName(folder))
        {
            result.Add(folder);
        }

        return result;
    }
}
