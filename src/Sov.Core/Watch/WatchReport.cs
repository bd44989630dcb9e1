namespace Sov.Core.Watch;

/// <summary>
/// What <c>sov watch</c> saw one command do, by category, with a verdict per category: a category is
/// flagged when it holds at least one finding (expected destinations and loopback traffic are listed, not flagged).
/// </summary>
public sealed record WatchReport(
    string Command,
    int ExitCode,
    bool Contained,
    TraceFacts Facts,
    IReadOnlyList<WatchHidden> Hidden)
{
    /// <summary>Contain mode: the connections Sovereign relayed to allowed endpoints (each journaled).</summary>
    public IReadOnlyList<RelayClosedRecord> Relayed { get; init; } = [];

    /// <summary>Contain mode: the journal session that holds the relayed connections.</summary>
    public string? Journal { get; init; }

    /// <summary>Destinations that count as findings: neither expected nor on loopback nor a resolver.</summary>
    public IEnumerable<WatchConnection> UnexpectedConnections =>
        Facts.Connections.Where(c => !c.Expected && !c.Endpoint.IsLoopback && !c.IsResolver);

    /// <summary>The number of findings in one category.</summary>
    public int Count(WatchCategory category) => category switch
    {
        WatchCategory.Hosts => Facts.Lookups.Count + UnexpectedConnections.Count(),
        WatchCategory.HardCoded => Facts.Connections.Count(c => c.HardCoded),
        WatchCategory.MachineReads => Facts.Reads.Count,
        WatchCategory.Hidden => Hidden.Count,
        _ => Facts.Processes.Count,
    };

    /// <summary>True when <paramref name="category"/> has findings.</summary>
    public bool Flagged(WatchCategory category) => Count(category) > 0;

    /// <summary>True when any category named in <paramref name="failOn"/> has findings.</summary>
    public bool Fails(IEnumerable<WatchCategory> failOn) => failOn.Any(Flagged);

    /// <summary>True when nothing at all was found (the report of a clean command).</summary>
    public bool Clean => Enum.GetValues<WatchCategory>().All(c => !Flagged(c)) && Facts.Environment.Count == 0 && Facts.UnixSockets.Count == 0;
}
