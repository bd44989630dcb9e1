using System.Threading.Channels;
using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary><c>sov scan</c>'s engine: a walker feeding a channel, one worker per processor classifying files.</summary>
public static class ScanRunner
{
    public static async Task<ScanReport> RunAsync(ScanOptions options, string workingDirectory, CancellationToken cancellationToken)
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

        var channel = Channel.CreateBounded<ScanTarget[]>(new BoundedChannelOptions(256) { SingleReader = false, SingleWriter = false });
        var walker = new TreeWalker(options, channel.Writer);
        var walk = Task.Run(async () =>
        {
            try
            {
                await walker.WalkAsync(roots, cancellationToken).ConfigureAwait(false);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
                throw;
            }
        }, cancellationToken);

        var results = new List<FileScanResult>();
        var workers = options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount;
        // Workers are dedicated threads doing blocking reads, so the walker's tasks keep the thread pool to themselves.
        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(() =>
        {
            var mine = new List<FileScanResult>();
            var chunk = new byte[FileScanner.ChunkSize];
            var reader = channel.Reader;
            while (true)
            {
                while (reader.TryRead(out var batch))
                {
                    foreach (var target in batch)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        mine.Add(FileScanner.Scan(target, options, chunk));
                    }
                }

                if (!reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                {
                    break;
                }
            }

            return mine;
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        foreach (var list in await Task.WhenAll(tasks).ConfigureAwait(false))
        {
            results.AddRange(list);
        }

        await walk.ConfigureAwait(false);
        return Build(results, walker.Problems, options);
    }

    private static ScanReport Build(List<FileScanResult> results, IReadOnlyList<string> walkProblems, ScanOptions options)
    {
        results.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        var findings = new List<ScanFinding>();
        var problems = new List<string>(walkProblems);
        int files = 0, skipped = 0, fixedFiles = 0;
        long bytes = 0;
        var failed = false;
        foreach (var r in results)
        {
            if (r.Problem is not null)
            {
                problems.Add(r.Problem);
            }

            if (r.Skipped)
            {
                skipped++;
                continue;
            }

            files++;
            bytes += r.Bytes;
            fixedFiles += r.Fixed ? 1 : 0;
            failed |= r.Unfixed;
            foreach (var f in r.Findings)
            {
                findings.Add(new ScanFinding(r.DisplayPath, f));
            }
        }

        return new ScanReport(findings, new ScanSummary(files, bytes, skipped, findings.Count), problems, fixedFiles, options.FailOn)
        {
            Failed = failed,
        };
    }
}
