using Sov.Core.Files;
using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary><c>sov scan</c>'s engine: one worker thread per processor, listing folders and classifying files from a shared work stack.</summary>
public static class ScanRunner
{
    public static async Task<ScanReport> RunAsync<TReads>(IFileSystem files, ScanOptions options, string workingDirectory, CancellationToken cancellationToken)
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

        var work = new WorkStack<ScanWork>();
        var walker = new ScanWalker(files, options, work);
        walker.AddRoots(roots);
        using var stopOnCancel = cancellationToken.Register(work.Stop);
        var workers = options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount;

        // Dedicated threads that list folders and read files in turn; the thread pool stays out of it (its
        // spinning and extra runnable threads cost more than the work on a 2-core machine).
        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(
            () => Work<TReads>(work, walker, options, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        var tallies = await Task.WhenAll(tasks).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Build(tallies, walker.Problems, options);
    }

    private static Tally Work<TReads>(WorkStack<ScanWork> work, ScanWalker walker, ScanOptions options, CancellationToken cancellationToken)
        where TReads : IScanReads
    {
        var tally = new Tally();
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

    private static void ScanFiles<TReads>(FilesWork files, ScanOptions options, ScanBuffer buffer, Tally tally, CancellationToken cancellationToken)
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

    private static ScanReport Build(Tally[] tallies, IReadOnlyList<string> walkProblems, ScanOptions options)
    {
        var results = tallies.SelectMany(t => t.Notable).ToList();
        results.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        var findings = new List<ScanFinding>();
        var problems = new List<string>(walkProblems);
        var fixedFiles = 0;
        var failed = false;
        foreach (var r in results)
        {
            if (r.Problem is not null)
            {
                problems.Add(r.Problem);
            }

            if (r.Skipped)
            {
                continue;
            }

            fixedFiles += r.Fixed ? 1 : 0;
            failed |= r.Unfixed;
            var path = r.DisplayPath;
            foreach (var f in r.Findings)
            {
                findings.Add(new ScanFinding(path, f));
            }
        }

        var summary = new ScanSummary(tallies.Sum(t => t.Files), tallies.Sum(t => t.Bytes), tallies.Sum(t => t.Skipped), findings.Count);
        return new ScanReport(findings, summary, problems, fixedFiles, options.FailOn)
        {
            Failed = failed,
        };
    }

    /// <summary>One worker's totals, and the files the report names (clean files are only counted).</summary>
    private sealed class Tally
    {
        public int Files { get; private set; }

        public long Bytes { get; private set; }

        public int Skipped { get; private set; }

        public List<FileScanResult> Notable { get; } = [];

        public void Add(in FileScanResult result)
        {
            if (result.Skipped)
            {
                Skipped++;
            }
            else
            {
                Files++;
                Bytes += result.Bytes;
            }

            if (result.Notable)
            {
                Notable.Add(result);
            }
        }
    }
}
