namespace Sov.Core.Watch;

/// <summary>Everything one trace showed, before output is scanned and verdicts are given.</summary>
public sealed record TraceFacts(
    IReadOnlyList<WatchLookup> Lookups,
    IReadOnlyList<WatchConnection> Connections,
    IReadOnlyList<string> UnixSockets,
    IReadOnlyList<WatchRead> Reads,
    IReadOnlyList<WatchEnvironmentName> Environment,
    IReadOnlyList<WatchProcess> Processes,
    IReadOnlyList<string> WrittenFiles,
    IReadOnlyDictionary<string, byte[]> SentPayloads);
