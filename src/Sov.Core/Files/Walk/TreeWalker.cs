using System.Text;
using Sov.Core.Files.Ignore;

namespace Sov.Core.Files.Walk;

/// <summary>
/// The one way Sovereign walks a tree of folders (issue #14): folders are listed as bytes through the file
/// border (<see cref="IFileSystem"/>), so a name that is not UTF-8 comes in <see cref="FileNames"/>' escape and
/// never ends the walk; a symlinked folder is listed as an entry but never entered (it could lead out of the
/// tree or round in a loop); given an ignore stack, each folder's .gitignore (and .git/info/exclude at a
/// repository root) is applied with the Files/Ignore engine and ignored entries are left out.
/// Sequential walks (grep, glob, snapshots, private files) use <see cref="Walk"/>; <c>sov scan</c>'s workers
/// list folders one at a time with <see cref="List"/> and share them out themselves.
/// </summary>
internal sealed class TreeWalker(IFileSystem files)
{
    /// <summary>Lists <paramref name="folder"/>, entering its ignore files onto <paramref name="ignores"/> when that is not null.</summary>
    /// <exception cref="IOException">The folder cannot be listed.</exception>
    public FolderListing List(string folder, IgnoreStack? ignores)
    {
        var all = files.List(folder);
        if (ignores is null)
        {
            return new FolderListing(all, null);
        }

        bool hasGit = false, hasGitIgnore = false;
        foreach (var entry in all)
        {
            hasGit |= entry.Name == ".git";
            hasGitIgnore |= entry.Name == ".gitignore" && !entry.IsFolder;
        }

        var stack = ignores.Enter(folder, hasGit, hasGitIgnore);
        if (stack.IsEmpty)
        {
            return new FolderListing(all, stack);
        }

        var kept = new List<FolderEntry>(all.Count);
        foreach (var entry in all)
        {
            if (!stack.IsIgnored(Path.Join(folder, entry.Name), entry.Name, entry.IsFolder))
            {
                kept.Add(entry);
            }
        }

        return new FolderListing(kept, stack);
    }

    /// <summary>
    /// Every entry under <paramref name="folder"/> (files, folders, symlinks), depth first in ordinal name order,
    /// a folder right before what is inside it. Folders that are real (not symlinks) and that
    /// <paramref name="enter"/> accepts are entered; one that cannot be listed goes to <paramref name="unreadable"/>
    /// (when given) and the walk goes on.
    /// </summary>
    /// <param name="relative">The relative path of <paramref name="folder"/> itself ("" for the top).</param>
    /// <param name="ignores">The stack in force in the folder's parent, or null to apply no ignore files.</param>
    public IEnumerable<WalkedEntry> Walk(string folder, string relative, IgnoreStack? ignores, Func<WalkedEntry, bool> enter,
        Action<string, Exception>? unreadable, CancellationToken cancellationToken)
    {
        var frames = new Stack<Frame>();
        if (Open(folder, relative, ignores, unreadable) is { } top)
        {
            frames.Push(top);
        }

        while (frames.TryPeek(out var frame))
        {
            if (frame.Next == frame.Entries.Length)
            {
                frames.Pop();
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var entry = frame.Entries[frame.Next++];
            var walked = new WalkedEntry(frame.Folder, frame.Relative.Length == 0 ? entry.Name : frame.Relative + "/" + entry.Name, entry);
            yield return walked;
            if (walked.IsRealFolder && enter(walked) && Open(walked.FullPath, walked.Relative, frame.Ignores, unreadable) is { } inner)
            {
                frames.Push(inner);
            }
        }
    }

    /// <summary>A path as .NET's file APIs take it, written in <see cref="FileNames"/>' escape (as the walk and the file border take it).</summary>
    public static string Shown(string textPath) =>
        textPath.Contains('\\', StringComparison.Ordinal) ? FileNames.Show(Encoding.UTF8.GetBytes(textPath)) : textPath;

    private Frame? Open(string folder, string relative, IgnoreStack? ignores, Action<string, Exception>? unreadable)
    {
        try
        {
            var listing = List(folder, ignores);
            var entries = listing.Entries.ToArray();
            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            return new Frame(folder, relative, listing.Ignores, entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            unreadable?.Invoke(folder, e);
            return null;
        }
    }

    private sealed class Frame(string folder, string relative, IgnoreStack? ignores, FolderEntry[] entries)
    {
        public string Folder { get; } = folder;
        public string Relative { get; } = relative;
        public IgnoreStack? Ignores { get; } = ignores;
        public FolderEntry[] Entries { get; } = entries;
        public int Next { get; set; }
    }
}
