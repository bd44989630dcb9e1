using Sov.Core.Files;
using Sov.Core.Files.Ignore;
using Sov.Core.Files.Walk;

namespace Sov.Core.Scan;

/// <summary>
/// Lists folders for the scan's workers with the one <see cref="TreeWalker"/>: each listed folder pushes its
/// subfolders and its files (in batches of at most <see cref="BatchSize"/>) onto the shared work stack.
/// .gitignore files are honoured unless told not to; <c>.git</c> folders and symlinked folders met while
/// walking are skipped; files named explicitly are always scanned. A name that is not UTF-8 is reported and
/// skipped (the reads below take names as text).
/// </summary>
internal sealed class ScanWalker(IFileSystem files, ScanOptions options, WorkStack<ScanWork> work)
{
    private const int BatchSize = 32;

    private readonly TreeWalker _walker = new(files);
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>Puts the named paths on the stack: files as one batch, folders to be listed.</summary>
    public void AddRoots(IReadOnlyList<(string Full, string Display)> roots)
    {
        var named = new List<ScanTarget>();
        foreach (var (full, display) in roots)
        {
            if (File.Exists(full))
            {
                named.Add(ScanTarget.Named(full, display));
            }
            else
            {
                work.Push(new FolderWork(full, display, options.NoIgnore ? null : IgnoreStack.For(full)));
            }
        }

        if (named.Count > 0)
        {
            work.Push(new FilesWork(null, [.. named]));
        }
    }

    /// <summary>Lists one folder, pushing its subfolders and batches of its files.</summary>
    public void List(FolderWork folder, CancellationToken cancellationToken)
    {
        FolderListing listing;
        try
        {
            listing = _walker.List(TreeWalker.Shown(folder.FullPath), folder.Ignores);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AddProblem(ScanProblem.Describe(folder.Display, e));
            return;
        }

        var batch = new List<ScanTarget>(Math.Min(listing.Entries.Count, BatchSize));
        foreach (var entry in listing.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((entry.IsFolder && (entry.IsLink || entry.Name == ".git")) || Real(entry.Name, folder.Display) is not { } name)
            {
                continue;
            }

            if (entry.IsFolder)
            {
                var display = folder.Display is "." ? name : string.Concat(folder.Display, "/", name);
                work.Push(new FolderWork(Path.Join(folder.FullPath, name), display, listing.Ignores));
            }
            else
            {
                batch.Add(new ScanTarget(folder.FullPath, name, folder.Display));
                if (batch.Count == BatchSize)
                {
                    work.Push(new FilesWork(folder.FullPath, [.. batch]));
                    batch.Clear();
                }
            }
        }

        if (batch.Count > 0)
        {
            work.Push(new FilesWork(folder.FullPath, [.. batch]));
        }
    }

    /// <summary>The name as text the reads can open; null (and a problem) when it is not UTF-8.</summary>
    private string? Real(string shown, string folderDisplay)
    {
        if (FileNames.AsText(shown) is { } text)
        {
            return text;
        }

        AddProblem(ScanProblem.NotUtf8(folderDisplay is "." ? shown : string.Concat(folderDisplay, "/", shown)));
        return null;
    }

    private void AddProblem(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
