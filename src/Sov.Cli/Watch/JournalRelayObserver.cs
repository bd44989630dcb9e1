using Sov.Core.Audit;
using Sov.Core.Watch;

namespace Sov.Cli.Watch;

/// <summary>Journals every relayed connection of a contained command (before dialing, and its end) and keeps them for the report.</summary>
internal sealed class JournalRelayObserver(Journal journal) : IRelayObserver
{
    private readonly Lock _lock = new();
    private readonly List<RelayClosedRecord> _closed = [];

    public IReadOnlyList<RelayClosedRecord> Closed()
    {
        lock (_lock)
        {
            return [.. _closed];
        }
    }

    public void Opening(string destination) => journal.Append(new RelayOpeningRecord(destination));

    public void Closed(string destination, long bytesOut, long bytesIn, string? error)
    {
        var record = new RelayClosedRecord(destination, bytesOut, bytesIn, error);
        journal.TryAppend(record);
        lock (_lock)
        {
            _closed.Add(record);
        }
    }
}
