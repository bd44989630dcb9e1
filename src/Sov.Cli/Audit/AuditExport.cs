using Sov.Borders.FileSystem;
using Sov.Core;
using Sov.Core.Audit;
using Sov.Core.Audit.Export;
using Sov.Core.Config;
using Sov.Core.Secrets;

namespace Sov.Cli.Audit;

/// <summary>
/// <c>sov audit export --format jsonl|otlp [SESSION|--all] [--follow|--status]</c>. <c>jsonl</c> prints the records verbatim.
/// <c>otlp</c> posts them as OTLP/HTTP JSON logs to <c>[audit.export] endpoint</c> + <c>/v1/logs</c>, through the
/// egress gate (only that origin allowed, no proxy but a configured one), and journals the export itself in a session
/// of kind <c>audit-export</c>. Without a session it sends what the collector has not acknowledged yet (its cursor,
/// #20), with <c>--follow</c> it keeps sending records as they are written until Ctrl-C or SIGTERM; a named session or
/// <c>--all</c> is sent whole again. <c>--status</c> says how far the collector has acknowledged. Nothing is sent unless
/// that endpoint is configured.
/// </summary>
internal static class AuditExport
{
    public static async Task<int> RunAsync(CliContext context, ExportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dir = context.Paths.JournalDir;
        if (request.Format is not ("jsonl" or "otlp"))
        {
            throw new SovException($"Unknown export format '{request.Format}'.", "Use --format jsonl or --format otlp.", ExitCodes.Usage);
        }

        // The policy laid over the user config (#20): a forced collector is the one exported to, here too.
        var config = BorderConfig.From(Core.Policy.PolicyClamp.Apply(SovConfigReader.Read(new NativeFileSystem(), context.Paths.ConfigFile, workspace: null), context.Policy));
        if ((request.Format == "otlp" || request.Status) && config.ExportEndpoint is null)
        {
            throw new ConfigException("OTLP export is not configured: nothing was sent.",
                "Set [audit.export] endpoint = \"http://your-collector:4318\" in config.toml.");
        }

        if (request.Status)
        {
            await AuditExportStatus.WriteAsync(context, config, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (request.Follow && (request.Session is not null || request.All || request.Format != "otlp"))
        {
            throw new SovException("--follow sends every session from where the collector stopped, as OTLP: name no session and no --all.",
                "Run 'sov audit export --format otlp --follow'.", ExitCodes.Usage);
        }

        if (request.Format == "jsonl")
        {
            foreach (var id in JournalSelection.Resolve(dir, request.Session, request.All))
            {
                foreach (var line in JournalReader.Read(JournalFiles.PathOf(dir, id)))
                {
                    await context.Out.WriteLineAsync(line.Text.AsMemory(), ct).ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        }

        var selected = JournalSelection.Resolve(dir, request.Session, request.All); // a wrong name or an empty folder: said before anything starts
        var endpoint = config.ExportEndpoint!;
        using var journal = Journal.Start(dir, new SessionInfo(VersionInfo.Version, ConfigDigest.Of(context.Paths.ConfigFile),
            "", "", endpoint.ToString(), "", Kind: "audit-export", PolicySha256: context.Policy.Sha256));
        journal.Key = config.LoadSealKey();
        using var client = SessionExport.Client(config, endpoint, new JournalEgressObserver(journal), new Redactor(config.Redaction));
        var transport = new OtlpHttpTransport(client, endpoint, TimeProvider.System);
        try
        {
            var (sent, sessions) = request.Session is not null || request.All
                ? await SendWholeAsync(transport, selected, dir, ct).ConfigureAwait(false)
                : await StreamAsync(context, journal, transport, config.Export.Settings, request.Follow, ct).ConfigureAwait(false);
            journal.Seal();
            await context.Out.WriteLineAsync($"exported {sent} records from {sessions} session(s) to {transport.Target}".AsMemory(), CancellationToken.None).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (ExportFailedException)
        {
            journal.Seal("failed");
            throw;
        }
    }

    /// <summary>From the cursor: once, or following until <paramref name="ct"/> (Ctrl-C, SIGTERM), then a last flush.</summary>
    private static async Task<(long Sent, int Sessions)> StreamAsync(CliContext context, Journal journal, OtlpHttpTransport transport,
        ExportSettings settings, bool follow, CancellationToken ct)
    {
        var exporter = new JournalExporter(journal.Directory, transport, settings, TimeProvider.System, new Random())
        {
            Skip = journal.Session,
            Notice = message =>
            {
                journal.TryAppend(new Core.Audit.Records.NoticeRecord("warning", "audit export: " + message));
                context.Error.WriteLine("sov: audit export: " + message);
            },
        };
        if (!follow)
        {
            await exporter.RunOnceAsync(TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
            return (exporter.Sent, exporter.SessionsSent);
        }

        using var abort = new CancellationTokenSource();
        await using var flushAfterStop = ct.Register(() => abort.CancelAfter(settings.FlushTimeout));
        await exporter.FollowAsync(ct, abort.Token).ConfigureAwait(false);
        return (exporter.Sent, exporter.SessionsSent);
    }

    /// <summary>Named sessions (or <c>--all</c>), each whole in one request, whatever the cursor says (it is left as it is).</summary>
    private static async Task<(long Sent, int Sessions)> SendWholeAsync(OtlpHttpTransport transport, IReadOnlyList<string> sessions, string dir, CancellationToken ct)
    {
        long sent = 0;
        foreach (var id in sessions)
        {
            var lines = JournalReader.Read(JournalFiles.PathOf(dir, id)).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            var batch = new ExportBatch(id, lines, 0);
            var result = await transport.SendAsync(batch, ct).ConfigureAwait(false);
            if (result.Outcome != ExportOutcome.Accepted)
            {
                throw new ExportFailedException(result, batch, transport.Target);
            }

            sent += lines.Count;
        }

        return (sent, sessions.Count);
    }
}
