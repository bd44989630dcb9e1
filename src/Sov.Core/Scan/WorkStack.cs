namespace Sov.Core.Scan;

/// <summary>
/// The scan's shared to-do list: folders to list and batches of files to read, taken last-in first-out by a
/// fixed set of worker threads. A worker that finds nothing to take sleeps on the lock (no spinning, no thread
/// pool); the work is over when the stack is empty and no worker holds an item, since only a held item can
/// add more. A failure or cancellation stops every worker.
/// </summary>
internal sealed class WorkStack<T>
{
    private readonly Stack<T> _items = new();
    private readonly object _gate = new(); // Monitor.Wait needs a monitor, not a System.Threading.Lock
    private int _held;
    private int _sleeping;
    private bool _stopped;

    public void Push(T item)
    {
        lock (_gate)
        {
            _items.Push(item);
            if (_sleeping > 0)
            {
                Monitor.Pulse(_gate);
            }
        }
    }

    /// <summary>Takes an item, waiting while others may still add some; false when the work is over or stopped.</summary>
    public bool TryTake(out T item)
    {
        lock (_gate)
        {
            while (!_stopped)
            {
                if (_items.TryPop(out item!))
                {
                    _held++;
                    return true;
                }

                if (_held == 0)
                {
                    Stop();
                    break;
                }

                _sleeping++;
                Monitor.Wait(_gate);
                _sleeping--;
            }

            item = default!;
            return false;
        }
    }

    /// <summary>Marks an item taken by <see cref="TryTake"/> as finished (after pushing whatever it produced).</summary>
    public void Finished()
    {
        lock (_gate)
        {
            _held--;
            if (_held == 0 && _items.Count == 0)
            {
                Stop();
            }
        }
    }

    /// <summary>Ends the work for everyone: on failure, cancellation, or when it is done.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }
}
