using System.Globalization;
using Sov.Core.Audit;
using Sov.Core.Audit.Export;

namespace Sov.Cli.Audit;

/// <summary>
/// <c>sov audit export --status</c> (#20): the collector, whether the policy forces it, how far it has acknowledged
/// (session, record, hash, time) from its cursor, and what is still waiting, per session. Sends nothing.
/// </summary>
internal static class AuditExportStatus
{
    public static async Task WriteAsync(CliContext context, BorderConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        var dir = context.Paths.JournalDir;
        var store = new ExportCursorStore(dir, ExportBacklog.OtlpTarget(config.ExportEndpoint!));
        var cursor = store.Load();
        var lines = new List<string>
        {
            $"collector     {store.Endpoint}" + (config.Export.Forced ? "  (required by the managed policy)" : ""),
            $"streaming     {(config.Export.Streams ? "every session sends its records as they are written" : "off ([audit.export] stream = false): only 'sov audit export' sends")}",
            $"cursor        {store.PathOf}",
            cursor.LastSession is null
                ? "acknowledged  nothing yet"
                : $"acknowledged  session {cursor.LastSession} record {cursor.LastSeq} (hash {cursor.LastHash}) at {cursor.AckedAt?.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}",
        };
        var waiting = new List<string>();
        foreach (var session in JournalFiles.Sessions(dir))
        {
            var path = JournalFiles.PathOf(dir, session);
            var bytes = new FileInfo(path).Length - cursor.OffsetOf(session);
            if (bytes > 0)
            {
                var acked = cursor.Sessions.TryGetValue(session, out var at) ? $"acknowledged to record {at.Seq}" : "nothing acknowledged";
                waiting.Add($"  {session}  {acked}, {bytes.ToString(CultureInfo.InvariantCulture)} bytes waiting");
            }
        }

        var backlog = JournalExporter.Backlog(dir, cursor);
        lines.Add(waiting.Count == 0
            ? "waiting       nothing: the collector has every record"
            : $"waiting       {backlog.ToString(CultureInfo.InvariantCulture)} bytes in {waiting.Count} session(s) (bound {(config.Export.Settings.MaxBacklogBytes >> 20).ToString(CultureInfo.InvariantCulture)} MB):");
        lines.AddRange(waiting);
        foreach (var line in lines)
        {
            await context.Out.WriteLineAsync(line.AsMemory(), ct).ConfigureAwait(false);
        }
    }
}
