using System.IO.Enumeration;
using Sov.Core.Files.Ignore;

namespace Sov.Core.Scan;

/// <summary>
/// Lists folders for the scan's workers: each listed folder pushes its subfolders and its files (in batches of
/// at most <see cref="BatchSize"/>) onto the shared work stack. .gitignore files are honoured unless told not
/// to; <c>.git</c> folders and symlinked folders met while walking are skipped; files named explicitly are
/// always scanned.
/// </summary>
internal sealed class TreeWalker(ScanOptions options, WorkStack<ScanWork> work)
{
    private const int BatchSize = 32;

    private static readonly EnumerationOptions Enumeration = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

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
        var files = new List<ScanTarget>();
        foreach (var (full, display) in roots)
        {
            if (File.Exists(full))
            {
                files.Add(ScanTarget.Named(full, display));
            }
            else
            {
                work.Push(new FolderWork(full, display, options.NoIgnore ? IgnoreStack.Empty : IgnoreStack.For(full)));
            }
        }

        if (files.Count > 0)
        {
            work.Push(new FilesWork(null, [.. files]));
        }
    }

    /// <summary>Lists one folder, pushing its subfolders and batches of its files.</summary>
    public void List(FolderWork folder, CancellationToken cancellationToken)
    {
        List<DirectoryEntry> entries;
        try
        {
            entries = [.. new FileSystemEnumerable<DirectoryEntry>(folder.FullPath, DirectoryEntry.From, Enumeration)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AddProblem(ScanProblem.Describe(folder.Display, e));
            return;
        }

        var stack = folder.Ignores;
        if (!options.NoIgnore)
        {
            var hasGit = entries.Exists(e => e.Name == ".git");
            var hasGitIgnore = entries.Exists(e => e.Name == ".gitignore" && !e.IsDirectory);
            stack = stack.Enter(folder.FullPath, hasGit, hasGitIgnore);
        }

        var batch = new List<ScanTarget>(Math.Min(entries.Count, BatchSize));
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.IsLink || (entry.IsDirectory && entry.Name == ".git"))
            {
                continue;
            }

            if (!options.NoIgnore && stack.IsIgnored(entry.FullPath ?? Path.Join(folder.FullPath, entry.Name), entry.Name, entry.IsDirectory))
            {
                continue;
            }

            if (entry.IsDirectory)
            {
                var display = folder.Display is "." ? entry.Name : string.Concat(folder.Display, "/", entry.Name);
                work.Push(new FolderWork(entry.FullPath!, display, stack));
            }
            else
            {
                batch.Add(new ScanTarget(folder.FullPath, entry.Name, folder.Display));
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

    private void AddProblem(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
