using Sov.Core.Files;
using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary><c>sov scan</c>'s engine: one worker thread per processor, listing folders and classifying files from a shared work stack.</summary>
public static class ScanRunner
{
    /// <summary>
    /// Scans the named paths. With a <paramref name="sink"/>, each file's report goes to it as the file finishes and the
    /// returned report carries totals only; without, the report holds every file's findings, ordered by path.
    /// </summary>
    public static async Task<ScanReport> RunAsync<TReads>(IFileSystem files, ScanOptions options, string workingDirectory, CancellationToken cancellationToken, IScanSink? sink = null)
        where TReads : IScanReads
    {
        ArgumentNullException.ThrowIfNull(options);
        var named = options.Paths.Count == 0 ? ["."] : options.Paths;
        var roots = new List<(string Full, string Display)>();
        foreach (var path in named)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, workingDirectory));
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                throw new ScanException($"No such file or directory: {path}", "Name files or folders that exist (sov scan [PATH...]).");
            }

            roots.Add((full, Path.TrimEndingDirectorySeparator(path) is { Length: > 0 } display ? display : path));
        }

        var output = new ScanOutput(sink);
        var work = new WorkStack<ScanWork>();
        var walker = new ScanWalker(files, options, work);
        walker.AddRoots(roots);
        using var stopOnCancel = cancellationToken.Register(work.Stop);
        var workers = options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount;

        // Dedicated threads that list folders and read files in turn; the thread pool stays out of it (its
        // spinning and extra runnable threads cost more than the work on a 2-core machine).
        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(
            () => Work<TReads>(work, walker, options, output, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        var tallies = await Task.WhenAll(tasks).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return output.Build(tallies, walker.Problems, options);
    }

    /// <summary>Scans content that is not read from disk (staged blobs: <c>sov scan --staged</c>): path as printed, full path for config globs, bytes.</summary>
    public static ScanReport ScanContents(IEnumerable<(string Display, string FullPath, byte[] Content)> contents, ScanOptions options, IScanSink? sink = null)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var output = new ScanOutput(sink);
        var tally = new ScanTally(output);
        var buffer = new ScanBuffer((_, _) => { });
        foreach (var (display, fullPath, content) in contents)
        {
            tally.Add(FileScanner.ScanContent(ScanTarget.Named(fullPath, display), content, options, buffer));
        }

        return output.Build([tally], [], options);
    }

    private static ScanTally Work<TReads>(WorkStack<ScanWork> work, ScanWalker walker, ScanOptions options, ScanOutput output, CancellationToken cancellationToken)
        where TReads : IScanReads
    {
        var tally = new ScanTally(output);
        var buffer = new ScanBuffer(TReads.Populate);
        try
        {
            while (work.TryTake(out var item))
            {
                try
                {
                    if (item is FolderWork folder)
                    {
                        walker.List(folder, cancellationToken);
                    }
                    else
                    {
                        ScanFiles<TReads>((FilesWork)item, options, buffer, tally, cancellationToken);
                    }
                }
                finally
                {
                    work.Finished();
                }
            }
        }
        catch
        {
            work.Stop(); // one failure ends the scan for every worker
            throw;
        }

        return tally;
    }

    private static void ScanFiles<TReads>(FilesWork files, ScanOptions options, ScanBuffer buffer, ScanTally tally, CancellationToken cancellationToken)
        where TReads : IScanReads
    {
        var directory = files.Directory is null ? -1 : TReads.OpenDirectory(files.Directory);
        try
        {
            foreach (var target in files.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                tally.Add(FileScanner.Scan<TReads>(target, directory, options, buffer));
            }
        }
        finally
        {
            if (directory >= 0)
            {
                TReads.Close(directory);
            }
        }
    }
}
