using Sov.Borders.FileSystem;
using Sov.Borders.Network;
using Sov.Core;
using Sov.Core.Audit;
using Sov.Core.Config;
using Sov.Core.Secrets;

namespace Sov.Cli.Audit;

/// <summary>
/// <c>sov audit export --format jsonl|otlp [SESSION|--all]</c>. <c>jsonl</c> prints the records verbatim.
/// <c>otlp</c> posts them as OTLP/HTTP JSON logs to <c>[audit.export] endpoint</c> + <c>/v1/logs</c>, through the
/// egress gate (only that origin allowed, no proxy but a configured one), and journals the export itself in
/// a session of kind <c>audit-export</c>. Nothing is sent unless that endpoint is configured.
/// </summary>
internal static class AuditExport
{
    public static async Task<int> RunAsync(CliContext context, string format, string? session, bool all, CancellationToken ct)
    {
        var dir = context.Paths.JournalDir;
        if (format is not ("jsonl" or "otlp"))
        {
            throw new SovException($"Unknown export format '{format}'.", "Use --format jsonl or --format otlp.", ExitCodes.Usage);
        }

        var config = BorderConfig.From(SovConfigReader.Read(new NativeFileSystem(), context.Paths.ConfigFile, workspace: null));
        if (format == "otlp" && config.ExportEndpoint is null)
        {
            throw new ConfigException("OTLP export is not configured: nothing was sent.",
                "Set [audit.export] endpoint = \"http://your-collector:4318\" in config.toml.");
        }

        var sessions = JournalSelection.Resolve(dir, session, all);
        if (format == "jsonl")
        {
            foreach (var id in sessions)
            {
                foreach (var line in JournalReader.Read(JournalFiles.PathOf(dir, id)))
                {
                    await context.Out.WriteLineAsync(line.Text.AsMemory(), ct).ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        }

        var endpoint = config.ExportEndpoint!;
        var key = config.LoadSealKey();
        using var journal = Journal.Start(dir, new SessionInfo(VersionInfo.Version, ConfigDigest.Of(context.Paths.ConfigFile),
            "", "", endpoint.ToString(), "", Kind: "audit-export", PolicySha256: context.Policy.Sha256));
        journal.Key = key;
        using var client = HttpClients.Create(new EgressOptions([endpoint])
        {
            Proxy = config.Proxy,
            CaFile = config.CaFile,
            Timeout = TimeSpan.FromSeconds(30),
            Observer = new JournalEgressObserver(journal),
            Redactor = new Redactor(config.Redaction),
            Purpose = "audit-export",
        });
        var target = new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/v1/logs");
        long sent = 0;
        foreach (var id in sessions)
        {
            var lines = JournalReader.Read(JournalFiles.PathOf(dir, id)).ToList();
            using var content = new ByteArrayContent(OtlpLogs.Build(id, lines, VersionInfo.Version));
            content.Headers.ContentType = new("application/json");
            using var response = await SendAsync(client, target, content, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                journal.Seal("failed");
                throw new SovException($"The collector at {endpoint} answered {(int)response.StatusCode} for session {id}.",
                    "Check the collector's logs and its OTLP/HTTP receiver (port 4318, path /v1/logs).", ExitCodes.Failed);
            }

            sent += lines.Count;
        }

        journal.Seal();
        await context.Out.WriteLineAsync($"exported {sent} records from {sessions.Count} session(s) to {target}".AsMemory(), ct).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Uri target, HttpContent content, CancellationToken ct)
    {
        try
        {
            return await client.PostAsync(target, content, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new SovException($"Cannot reach the collector at {target.GetLeftPart(UriPartial.Authority)}: {e.Message}",
                "Check [audit.export] endpoint in config.toml and that the collector is running.", ExitCodes.Environment);
        }
    }
}
