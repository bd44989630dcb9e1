using System.Text.Json;
using Sov.Borders.Network;
using Sov.Core.Audit;
using Sov.Core.Audit.Export;

namespace Sov.Cli.Audit;

/// <summary>
/// Sends a batch as one OTLP/HTTP JSON logs request (<see cref="OtlpLogs"/>) to <c>ENDPOINT/v1/logs</c> through a client
/// from the egress gate, and reads the answer the way the OTLP/HTTP specification asks: 2xx is an acknowledgement (its
/// <c>partialSuccess.rejectedLogRecords</c> is reported, never retried); 408, 429, 502, 503, 504 and 500 are retried,
/// after <c>Retry-After</c> when given; no answer at all is retried; any other status is refused.
/// </summary>
internal sealed class OtlpHttpTransport(HttpClient client, Uri endpoint, TimeProvider clock) : IExportTransport
{
    public Uri Target { get; } = ExportBacklog.OtlpTarget(endpoint);

    public async Task<ExportResult> SendAsync(ExportBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var content = new ByteArrayContent(OtlpLogs.Build(batch.Session, batch.Lines, VersionInfo.Version));
        content.Headers.ContentType = new("application/json");
        try
        {
            using var response = await client.PostAsync(Target, content, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                return Rejected(body) is { } partial
                    ? ExportResult.Accepted with { Rejected = partial.Count, Message = partial.Message }
                    : ExportResult.Accepted;
            }

            var message = $"{status} {response.ReasonPhrase}".TrimEnd();
            return status is 408 or 429 or 500 or 502 or 503 or 504
                ? new ExportResult(ExportOutcome.Retry, message, RetryAfter(response))
                : new ExportResult(ExportOutcome.Refused, message);
        }
        catch (EgressRefusedException e)
        {
            return new ExportResult(ExportOutcome.Refused, e.Message, Unreachable: true);
        }
        catch (HttpRequestException e)
        {
            return new ExportResult(ExportOutcome.Retry, e.Message, Unreachable: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ExportResult(ExportOutcome.Retry, "no answer in time", Unreachable: true);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - clock.GetUtcNow(),
            _ => null,
        };

    /// <summary>The OTLP partial success in a 2xx body, when it rejected any record.</summary>
    private static (long Count, string Message)? Rejected(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("partialSuccess", out var partial)
                && partial.TryGetProperty("rejectedLogRecords", out var rejected)
                && (rejected.ValueKind == JsonValueKind.Number ? rejected.GetInt64() : long.Parse(rejected.GetString() ?? "0", System.Globalization.CultureInfo.InvariantCulture)) is > 0 and var count)
            {
                return (count, partial.TryGetProperty("errorMessage", out var m) ? m.GetString() ?? "" : "");
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            // An empty or non-JSON body is a plain acknowledgement.
        }

        return null;
    }
}
