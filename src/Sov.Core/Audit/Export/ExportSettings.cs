namespace Sov.Core.Audit.Export;

/// <summary>
/// How the streaming exporter batches, retries and bounds its backlog (#20), from <c>[audit.export]</c>
/// (<see cref="Config.AuditExportSection"/>). A batch goes when it holds <see cref="BatchRecords"/> records or
/// <see cref="BatchBytes"/> bytes of record text, or when no more records are waiting; the exporter looks for new
/// records every <see cref="Interval"/>. A failed batch is retried after <see cref="BackoffInitial"/>, doubling up
/// to <see cref="BackoffMax"/>, each wait jittered down to half; a collector's <c>Retry-After</c> is honoured.
/// </summary>
public sealed record ExportSettings
{
    public int BatchRecords { get; init; } = 512;
    public int BatchBytes { get; init; } = 1 << 20;
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan BackoffInitial { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest a collector's <c>Retry-After</c> is waited for (a larger one is cut to this).</summary>
    public TimeSpan RetryAfterMax { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts per batch for a one-shot <c>sov audit export</c> before it gives up (following retries forever).</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>How long the end of a session waits for its last batches before leaving them to the next export.</summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Unacknowledged journal bytes beyond which every start says so (and a policy-forced export refuses to start sessions).</summary>
    public long MaxBacklogBytes { get; init; } = 512L << 20;
}
