using System.IO.Enumeration;
using System.Threading.Channels;

namespace Sov.Core.Scan;

/// <summary>
/// Walks the named paths and writes every file to scan into a channel. Directories are read in parallel
/// (one task per directory, bounded by the thread pool); .gitignore files are honoured unless told not to;
/// <c>.git</c> folders and symlinked folders met while walking are skipped; files named explicitly are always
/// scanned. Files go out in batches (one per folder, at most <see cref="BatchSize"/>) to keep hand-offs rare.
/// </summary>
internal sealed class TreeWalker(ScanOptions options, ChannelWriter<ScanTarget[]> output)
{
    private const int BatchSize = 128;

    private static readonly EnumerationOptions Enumeration = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    private readonly List<string> _problems = [];
    private int _pending;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    public async Task WalkAsync(IReadOnlyList<(string Full, string Display)> roots, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _pending);
        foreach (var (full, display) in roots)
        {
            if (File.Exists(full))
            {
                await output.WriteAsync([new ScanTarget(full, display)], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Spawn(full, display, options.NoIgnore ? IgnoreStack.Empty : IgnoreStack.For(full), cancellationToken);
            }
        }

        Finish();
        await _done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Spawn(string directory, string display, IgnoreStack ignores, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _pending);
        _ = Task.Run(async () =>
        {
            try
            {
                await WalkDirectoryAsync(directory, display, ignores, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _done.TrySetCanceled(cancellationToken);
            }
#pragma warning disable CA1031 // Any failure in a walker task must end the walk, not vanish.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _done.TrySetException(e);
            }
            finally
            {
                Finish();
            }
        }, cancellationToken);
    }

    private void Finish()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _done.TrySetResult();
        }
    }

    private async Task WalkDirectoryAsync(string directory, string display, IgnoreStack ignores, CancellationToken cancellationToken)
    {
        List<DirectoryEntry> entries;
        try
        {
            entries = [.. new FileSystemEnumerable<DirectoryEntry>(directory, DirectoryEntry.From, Enumeration)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AddProblem($"{display}: {e.Message}");
            return;
        }

        var stack = ignores;
        if (!options.NoIgnore)
        {
            var hasGit = entries.Exists(e => e.Name == ".git");
            var hasGitIgnore = entries.Exists(e => e.Name == ".gitignore" && !e.IsDirectory);
            stack = ignores.Enter(directory, hasGit, hasGitIgnore);
        }

        var batch = new List<ScanTarget>();
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.IsLink || (entry.IsDirectory && entry.Name == ".git"))
            {
                continue;
            }

            if (!options.NoIgnore && stack.IsIgnored(entry.FullPath, entry.Name, entry.IsDirectory))
            {
                continue;
            }

            var childDisplay = display is "." ? entry.Name : string.Concat(display, "/", entry.Name);
            if (entry.IsDirectory)
            {
                Spawn(entry.FullPath, childDisplay, stack, cancellationToken);
            }
            else
            {
                batch.Add(new ScanTarget(entry.FullPath, childDisplay));
                if (batch.Count == BatchSize)
                {
                    await output.WriteAsync([.. batch], cancellationToken).ConfigureAwait(false);
                    batch.Clear();
                }
            }
        }

        if (batch.Count > 0)
        {
            await output.WriteAsync([.. batch], cancellationToken).ConfigureAwait(false);
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
