using System.Globalization;
using Sov.Core;
using Sov.Core.Audit.Export;

namespace Sov.Cli.Audit;

/// <summary>
/// The bound on the spool (#20). The journal is the spool and nothing is ever dropped from it; when the collector has
/// not acknowledged more than <c>[audit.export] max_backlog_mb</c> of it, every session start says so on stderr and in
/// its journal, and when the managed policy forces the export, no new session starts (exit 3) until the collector
/// catches up (<c>sov audit export</c> still runs: it is the way out).
/// </summary>
internal static class ExportBacklog
{
    /// <summary>The warning to show and journal, null when within the bound; throws when a forced export is over it.</summary>
    public static string? Check(string journalDir, BorderConfig borders)
    {
        ArgumentNullException.ThrowIfNull(borders);
        if (!borders.Export.Streams || borders.ExportEndpoint is not { } endpoint)
        {
            return null;
        }

        var cursor = new ExportCursorStore(journalDir, OtlpTarget(endpoint)).Load();
        var backlog = JournalExporter.Backlog(journalDir, cursor);
        var cap = borders.Export.Settings.MaxBacklogBytes;
        if (backlog <= cap)
        {
            return null;
        }

        var acked = cursor.AckedAt is { } at ? $"last acknowledged {at.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}" : "never acknowledged";
        var what = $"the collector {endpoint} has not acknowledged {Megabytes(backlog)} MB of journal, more than [audit.export] max_backlog_mb = {Megabytes(cap)} ({acked})";
        if (borders.Export.Forced)
        {
            throw new SovException($"No new session: {what}, and the managed policy requires journal export.",
                "Bring the collector back (or ask your administrator); 'sov audit export --status' shows how far it got, 'sov audit export --format otlp' sends the backlog.",
                ExitCodes.Environment);
        }

        return $"warning: {what}. Nothing is dropped: the journal keeps it until the collector takes it ('sov audit export --status').";
    }

    /// <summary>The URL batches go to (the cursor is kept per target): ENDPOINT/v1/logs.</summary>
    public static Uri OtlpTarget(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/v1/logs");
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);
}
