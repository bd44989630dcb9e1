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
/// session itself. <see cref="Stop"/> (before the seal) sends what is waiting once more and waits at most
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
    private bool _stopped;

    private SessionExport(HttpClient client, Journal journal, ExportSettings settings, JournalExporter exporter)
    {
        _client = client;
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
        return new SessionExport(client, journal, borders.Export.Settings, exporter);
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

    /// <summary>Sends what is waiting once more and stops, within the flush timeout (the journal is sealed after this).</summary>
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
