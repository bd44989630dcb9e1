namespace Sov.Core.Audit.Export;

/// <summary>The exporter's two ways of running: once over what is waiting, or following the folder until stopped.</summary>
public sealed partial class JournalExporter
{
    /// <summary>
    /// Sends everything waiting now and returns (<c>sov audit export --format otlp</c>): waits up to
    /// <paramref name="lockWait"/> for another exporter to this collector to finish, tries each batch
    /// <see cref="ExportSettings.Attempts"/> times. Throws <see cref="ExportFailedException"/> when a batch will not go.
    /// </summary>
    public async Task RunOnceAsync(TimeSpan lockWait, CancellationToken cancellationToken)
    {
        using var held = await LockAsync(lockWait, cancellationToken).ConfigureAwait(false)
            ?? throw new SovException($"Another exporter (a running session or 'sov audit export --follow') is sending to {transport.Target} now.",
                "It sends what is waiting; 'sov audit export --status' shows how far the collector has acknowledged.", ExitCodes.Failed);
        Cursor = _store.Load();
        await DrainAsync(settings.Attempts, cancellationToken, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Follows the folder (a session's background exporter, <c>sov audit export --follow</c>): once it holds the
    /// collector's lock (until then another exporter is sending, and this one looks again every interval), sends every
    /// record as it is written, retrying with backoff for as long as it takes. When <paramref name="stop"/> is cancelled it
    /// sends what is waiting once more (one attempt per batch) and returns; <paramref name="abort"/> ends a request in flight.
    /// </summary>
    /// <returns>True when the final pass left nothing waiting (or another exporter had the collector).</returns>
    public async Task<bool> FollowAsync(CancellationToken stop, CancellationToken abort)
    {
        IDisposable? held = null;
        try
        {
            while ((held = _store.TryLock()) is null)
            {
                if (!await WaitAsync(settings.Interval, stop).ConfigureAwait(false))
                {
                    return true;
                }
            }

            Cursor = _store.Load();
            do
            {
                try
                {
                    await DrainAsync(0, stop, abort).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested && !abort.IsCancellationRequested)
                {
                    break;
                }
            }
            while (await WaitAsync(settings.Interval, stop).ConfigureAwait(false));

            try
            {
                await DrainAsync(1, abort, abort).ConfigureAwait(false);
                return true;
            }
            catch (ExportFailedException)
            {
                return false; // already said (Notice); the next exporter resumes from the cursor
            }
        }
        finally
        {
            held?.Dispose();
        }
    }

    private async Task<IDisposable?> LockAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + wait;
        while (true)
        {
            if (_store.TryLock() is { } held)
            {
                return held;
            }

            if (clock.GetUtcNow() >= until)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <returns>False when <paramref name="stop"/> ended the wait.</returns>
    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, clock, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;
        }
    }
}
