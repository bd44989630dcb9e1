using Sov.Borders.Network;
using Sov.Core;
using Sov.Core.Audit;
using Sov.Core.Audit.Export;
using Sov.Core.Audit.Records;
using Sov.Core.Secrets;

namespace Sov.Cli.Audit;

/// <summary>
/// A session's background exporter (#20): while the session runs, its records (and any other session's not yet
/// acknowledged) stream to the collector as they are written, through the egress gate, each request journaled in the
/// session itself. <see cref="Finish"/> seals the session and sends its tail, the seal included, within
/// <c>flush_timeout_seconds</c>: a dead collector never holds up the end of a session; the next session or
/// <c>sov audit export</c> resumes from the cursor. What the exporter has to say (collector down, back) goes into the
/// journal as <c>notice</c> records, not onto a screen the front end owns.
/// </summary>
internal sealed class SessionExport : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly HttpClient _client;
    private readonly Journal _journal;
    private readonly ExportSettings _settings;
    private readonly Task<bool> _run;
    private readonly BorderConfig _borders;
    private readonly Uri _endpoint;
    private readonly Redactor _redactor;
    private bool _stopped;

    private SessionExport(HttpClient client, Journal journal, ExportSettings settings, JournalExporter exporter, BorderConfig borders, Uri endpoint, Redactor redactor)
    {
        _client = client;
        _borders = borders;
        _endpoint = endpoint;
        _redactor = redactor;
        _journal = journal;
        _settings = settings;
        _run = Task.Run(() => exporter.FollowAsync(_stop.Token, _abort.Token));
    }

    /// <summary>Starts it when <c>[audit.export]</c> streams (an endpoint, streaming on or forced by the policy); else null.</summary>
    public static SessionExport? Start(BorderConfig borders, Journal journal, IEgressObserver observer, Redactor redactor)
    {
        ArgumentNullException.ThrowIfNull(borders);
        ArgumentNullException.ThrowIfNull(journal);
        if (!borders.Export.Streams || borders.ExportEndpoint is not { } endpoint)
        {
            return null;
        }

        var client = Client(borders, endpoint, observer, redactor);
        var exporter = new JournalExporter(journal.Directory, new OtlpHttpTransport(client, endpoint, TimeProvider.System),
            borders.Export.Settings, TimeProvider.System, new Random())
        {
            OwnSession = journal.Session,
            Notice = message => journal.TryAppend(new NoticeRecord("warning", "audit export: " + message)),
        };
        return new SessionExport(client, journal, borders.Export.Settings, exporter, borders, endpoint, redactor);
    }

    /// <summary>The one way the exporter's client is made: only the collector's origin, journaled, redacted.</summary>
    public static HttpClient Client(BorderConfig borders, Uri endpoint, IEgressObserver observer, Redactor redactor)
    {
        ArgumentNullException.ThrowIfNull(borders);
        return HttpClients.Create(new EgressOptions([endpoint])
        {
            Proxy = borders.Proxy,
            CaFile = borders.CaFile,
            Timeout = TimeSpan.FromSeconds(30),
            Observer = observer,
            Redactor = redactor,
            Purpose = JournalExporter.Purpose,
        });
    }

    /// <summary>
    /// Ends the session's export (#20): stops following (what is waiting goes once more), lets <paramref name="seal"/>
    /// seal the journal, then makes one last bounded pass that sends the session's remaining records, the seal included,
    /// so the collector holds everything up to and including the seal even when no later <c>sov</c> run comes (a CI
    /// container). All of it within <c>flush_timeout_seconds</c>. The last pass's own requests cannot go into the sealed
    /// journal: they are journaled in a small <c>audit-export</c> session (made by <paramref name="tail"/>, sealed at
    /// once) that the next export sends.
    /// </summary>
    public void Finish(Action seal, Func<Journal> tail)
    {
        ArgumentNullException.ThrowIfNull(seal);
        ArgumentNullException.ThrowIfNull(tail);
        var deadline = DateTimeOffset.UtcNow + _settings.FlushTimeout;
        Stop();
        seal();
        if (!_journal.IsSealed)
        {
            return;
        }

        var left = deadline - DateTimeOffset.UtcNow;
        if (left <= TimeSpan.Zero)
        {
            return; // the flush timeout is spent: the next export sends the tail from the cursor
        }

        try
        {
            using var tailJournal = tail();
            using var client = Client(_borders, _endpoint, new JournalEgressObserver(tailJournal), _redactor);
            var exporter = new JournalExporter(_journal.Directory, new OtlpHttpTransport(client, _endpoint, TimeProvider.System),
                _settings with { Attempts = 1 }, TimeProvider.System, new Random())
            {
                OwnSession = tailJournal.Session,
                Skip = tailJournal.Session,
                Notice = message => tailJournal.TryAppend(new NoticeRecord("warning", "audit export: " + message)),
            };
            using var within = new CancellationTokenSource(left);
            try
            {
                // The session's end is synchronous; the pass is bounded by what is left of the flush timeout.
                exporter.RunOnceAsync(TimeSpan.Zero, within.Token).GetAwaiter().GetResult();
                tailJournal.Seal();
            }
            catch (Exception e) when (e is OperationCanceledException or ExportFailedException or SovException)
            {
                tailJournal.TryAppend(new NoticeRecord("warning", "audit export: the last pass after the seal did not finish ("
                    + PlainErrors.Describe(e) + "); the next export sends the rest from the cursor."));
                tailJournal.Seal("failed");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or StateWriteException)
        {
            // The session is sealed and its journal whole; the tail stays for the next export.
        }
    }

    /// <summary>Sends what is waiting once more and stops following, within the flush timeout.</summary>
    public void Stop()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        _stop.Cancel();
        _abort.CancelAfter(_settings.FlushTimeout);
        try
        {
            // The session's end is synchronous (its seal); the wait is bounded by the flush timeout plus a margin.
            if (!_run.Wait(_settings.FlushTimeout + TimeSpan.FromSeconds(2)))
            {
                _abort.Cancel();
            }
        }
        catch (AggregateException e) when (e.InnerException is OperationCanceledException)
        {
            // Cut off at the flush timeout: the cursor says what the collector has.
        }
        catch (AggregateException e)
        {
            _journal.TryAppend(new NoticeRecord("error", "audit export stopped: " + PlainErrors.Describe(e.InnerException ?? e)));
        }
    }

    public void Dispose()
    {
        Stop();
        _client.Dispose();
        _stop.Dispose();
        _abort.Dispose();
    }
}
