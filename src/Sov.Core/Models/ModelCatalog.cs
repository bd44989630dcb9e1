using System.Text.Json;

namespace Sov.Core.Models;

/// <summary>GET {base}/models: the model names a server serves (used when no model name was configured).</summary>
public static class ModelCatalog
{
    /// <summary>The served model ids, or null when nothing answered properly within the timeout.</summary>
    public static async Task<IReadOnlyList<string>?> TryListAsync(HttpClient http, Uri baseUrl, TimeSpan timeout, CancellationToken cancellationToken) =>
        (await ProbeAsync(http, baseUrl, timeout, cancellationToken).ConfigureAwait(false)).Models;

    /// <summary>The served model ids, or why there are none: "connection refused", "HTTP 404", "no answer within 10 s".</summary>
    public static async Task<(IReadOnlyList<string>? Models, string? Failure)> ProbeAsync(HttpClient http, Uri baseUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/models"), deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"HTTP {(int)response.StatusCode} to GET /models");
            }

            var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: deadline.Token).ConfigureAwait(false);
                var ids = new List<string>();
                if (doc.RootElement.ValueKind == JsonValueKind.Object
                    && doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
                {
                    foreach (var model in data.EnumerateArray())
                    {
                        if (model.ValueKind == JsonValueKind.Object && model.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } name)
                        {
                            ids.Add(name);
                        }
                    }
                }

                return (ids, null);
            }
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or IOException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, e switch
            {
                HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } h =>
                    "connection refused" + (h.InnerException?.Message is { Length: > 0 } why && !why.Contains("refused", StringComparison.OrdinalIgnoreCase) ? $" ({why})" : ""),
                HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "its host name does not resolve",
                HttpRequestException => "the connection failed",
                JsonException => "its answer to GET /models is not a JSON model list",
                OperationCanceledException => $"no answer within {timeout.TotalSeconds:0} s",
                _ => "the connection broke",
            });
        }
    }
}
