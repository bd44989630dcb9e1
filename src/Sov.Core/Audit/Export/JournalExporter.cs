using System.Text.Json;

namespace Sov.Core.Audit.Export;

/// <summary>
/// Streams a journal folder to one collector (#20). The journal is the spool: nothing is copied, the exporter keeps
/// the collector's <see cref="ExportCursor"/> and sends what follows it, session by session (oldest first), each
/// session's records in order, in batches. The cursor advances only when the collector answers 2xx, and is saved
/// atomically after each batch, so a restart resumes where the collector stopped acknowledging: records are sent
/// at least once and, unless an answer is lost in flight, exactly once. A failed batch is sent again, unchanged,
/// after <see cref="ExportBackoff"/>. Records this exporter's own requests wrote into <see cref="OwnSession"/> are
/// held back until something else joins them there (else each send would journal a record that needs sending).
/// </summary>
public sealed partial class JournalExporter(string journalDir, IExportTransport transport, ExportSettings settings, TimeProvider clock, Random random)
{
    private readonly HashSet<long> _ownRequests = [];
    private readonly HashSet<string> _cutReported = new(StringComparer.Ordinal);
    private readonly ExportCursorStore _store = new(journalDir, transport?.Target ?? throw new ArgumentNullException(nameof(transport)));
    private bool _down;

    /// <summary>The session this exporter's own requests are journaled in (its <c>egress_request</c> records), if any.</summary>
    public string? OwnSession { get; init; }

    /// <summary>A session left out while this exporter runs (<c>sov audit export</c>'s own journal: the next export sends it whole).</summary>
    public string? Skip { get; init; }

    /// <summary>Told when the collector stops or starts taking batches, and of anything else worth a notice.</summary>
    public Action<string>? Notice { get; init; }

    public ExportCursorStore Store => _store;

    /// <summary>The collector's acknowledgements as last loaded or saved.</summary>
    public ExportCursor Cursor { get; private set; } = new();

    /// <summary>Records acknowledged by this exporter so far.</summary>
    public long Sent { get; private set; }

    /// <summary>Sessions this exporter sent at least one record of.</summary>
    public int SessionsSent => _sessionsSent.Count;

    private readonly HashSet<string> _sessionsSent = new(StringComparer.Ordinal);

    /// <summary>Journal bytes the collector has not acknowledged (<paramref name="cursor"/>: the saved cursor).</summary>
    public static long Backlog(string journalDir, ExportCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        long total = 0;
        foreach (var session in JournalFiles.Sessions(journalDir))
        {
            total += Math.Max(0, Length(JournalFiles.PathOf(journalDir, session)) - cursor.OffsetOf(session));
        }

        return total;
    }

    /// <summary>
    /// Sends every waiting batch once over. <paramref name="attempts"/>: tries per batch before
    /// <see cref="ExportFailedException"/> (0: until <paramref name="waits"/> is cancelled). Backoff waits end with
    /// <paramref name="waits"/>; a request in flight ends only with <paramref name="sends"/>.
    /// </summary>
    public async Task DrainAsync(int attempts, CancellationToken waits, CancellationToken sends)
    {
        foreach (var session in JournalFiles.Sessions(journalDir).Where(s => s != Skip))
        {
            var path = JournalFiles.PathOf(journalDir, session);
            var offset = Cursor.OffsetOf(session);
            if (Length(path) < offset)
            {
                if (_cutReported.Add(session))
                {
                    Notice?.Invoke($"the journal of session {session} is shorter than what {transport.Target} acknowledged: it was cut or replaced (run 'sov audit verify {session}').");
                }

                continue;
            }

            while (ReadBatch(path, session, offset) is { } batch)
            {
                if (session == OwnSession && batch.Lines.All(IsOwn))
                {
                    break;
                }

                await SendAsync(batch, attempts, waits, sends).ConfigureAwait(false);
                offset = batch.EndOffset;
            }
        }
    }

    private ExportBatch? ReadBatch(string path, string session, long offset)
    {
        try
        {
            return JournalTail.Read(path, session, offset, settings.BatchRecords, settings.BatchBytes, clock.GetUtcNow());
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private async Task SendAsync(ExportBatch batch, int attempts, CancellationToken waits, CancellationToken sends)
    {
        if (batch.Lines.Count == 0)
        {
            Advance(batch);
            return;
        }

        for (var failures = 1; ; failures++)
        {
            var result = await transport.SendAsync(batch, sends).ConfigureAwait(false);
            if (result.Outcome == ExportOutcome.Accepted)
            {
                Advance(batch);
                Sent += batch.Lines.Count;
                _sessionsSent.Add(batch.Session);
                foreach (var stub in batch.Lines.Where(UnparseableLine.IsStub))
                {
                    Notice?.Invoke(UnparseableLine.Notice(batch.Session, stub));
                }
                if (result.Rejected > 0)
                {
                    Notice?.Invoke($"{transport.Target} accepted session {batch.Session} records {batch.FirstSeq}..{batch.LastSeq} but rejected {result.Rejected} of them ({result.Message}).");
                }

                if (_down)
                {
                    _down = false;
                    Notice?.Invoke($"the collector {transport.Target} takes records again; export resumed at session {batch.Session} record {batch.FirstSeq}.");
                }

                return;
            }

            if (!_down)
            {
                _down = true;
                Notice?.Invoke($"the collector {transport.Target} did not take session {batch.Session} records {batch.FirstSeq}..{batch.LastSeq}: {result.Message}; retrying (the records wait in the journal).");
            }

            if (attempts > 0 && (failures >= attempts || result.Outcome == ExportOutcome.Refused))
            {
                throw new ExportFailedException(result, batch, transport.Target);
            }

            var delay = result.Outcome == ExportOutcome.Refused ? settings.BackoffMax : ExportBackoff.Delay(settings, failures, result.RetryAfter, random.NextDouble());
            await Task.Delay(delay, clock, waits).ConfigureAwait(false);
        }
    }

    private void Advance(ExportBatch batch)
    {
        Cursor = Cursor.After(batch, clock.GetUtcNow());
        _store.Save(Cursor);
    }

    /// <summary>True for this exporter's own request records (<c>egress_request</c> with purpose <c>audit-export</c>, and the
    /// <c>egress_response</c> or <c>redaction</c> of such a request) in <see cref="OwnSession"/>.</summary>
    private bool IsOwn(JournalLine line)
    {
        if (line.Type is not ("egress_request" or "egress_response" or "redaction"))
        {
            return false;
        }

        using var doc = JsonDocument.Parse(line.Text);
        var root = doc.RootElement;
        if (!root.TryGetProperty("request", out var id) || !id.TryGetInt64(out var request))
        {
            return false;
        }

        if (line.Type == "egress_request" && root.TryGetProperty("purpose", out var purpose) && purpose.ValueEquals(Purpose))
        {
            _ownRequests.Add(request);
        }

        return _ownRequests.Contains(request);
    }

    /// <summary>The purpose the exporter's requests are journaled under.</summary>
    public const string Purpose = "audit-export";

    private static long Length(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
