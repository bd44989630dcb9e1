using Sov.Core.Audit.Export;

namespace Sov.Core.Config;

/// <summary>
/// The <c>[audit.export]</c> table: where the journal is sent (no credentials in the URL) and how it streams (#20):
/// <c>stream</c> (default true: every session sends its records as they are written), <c>batch_records</c>,
/// <c>interval_seconds</c>, <c>backoff_max_seconds</c>, <c>flush_timeout_seconds</c>, <c>max_backlog_mb</c>.
/// <see cref="Forced"/>: the managed policy set the endpoint, so the stream cannot be switched off.
/// </summary>
public sealed record AuditExportSection(Uri? Endpoint)
{
    public static AuditExportSection Empty { get; } = new((Uri?)null);

    /// <summary>False when <c>stream = false</c>: only <c>sov audit export</c> sends (ignored when <see cref="Forced"/>).</summary>
    public bool Stream { get; init; } = true;

    /// <summary>The managed policy requires export to this endpoint (#20).</summary>
    public bool Forced { get; init; }

    public ExportSettings Settings { get; init; } = new();

    /// <summary>Whether sessions run the background exporter: an endpoint, and streaming on or forced.</summary>
    public bool Streams => Endpoint is not null && (Stream || Forced);

    public static AuditExportSection Read(ConfigSection? table)
    {
        if (table is null)
        {
            return Empty;
        }

        var defaults = new ExportSettings();
        return new(NetworkSection.HttpUrl(table, "endpoint") is { } url ? UrlCredentials.Refuse(url, "audit.export.endpoint") : null)
        {
            Stream = table.Flag("stream") ?? true,
            Settings = defaults with
            {
                BatchRecords = (int)(table.Whole("batch_records", 100_000) ?? defaults.BatchRecords),
                Interval = Seconds(table.Positive("interval_seconds")) ?? defaults.Interval,
                BackoffInitial = Min(Seconds(table.Positive("backoff_max_seconds")), defaults.BackoffInitial),
                BackoffMax = Seconds(table.Positive("backoff_max_seconds")) ?? defaults.BackoffMax,
                FlushTimeout = Seconds(table.Positive("flush_timeout_seconds")) ?? defaults.FlushTimeout,
                MaxBacklogBytes = (table.Whole("max_backlog_mb", 1 << 20) ?? (defaults.MaxBacklogBytes >> 20)) << 20,
            },
        };
    }

    private static TimeSpan? Seconds(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private static TimeSpan Min(TimeSpan? cap, TimeSpan value) => cap is { } c && c < value ? c : value;
}
