using System.Net.Http.Headers;
using Sov.Core;
using Sov.Core.Web;

namespace Sov.Borders.Network;

/// <summary>
/// web_fetch's own HTTP client (#17): made by <see cref="HttpClients"/> like every other, so its requests pass the egress
/// gate, which lets out only URLs of the <c>[web] allow</c> list (checked before any name is resolved), journals each one
/// (purpose <c>web</c>) and never reads a proxy from the environment. Redirects are followed here, at most
/// <see cref="MaxRedirects"/>, each new URL checked against the list before it is requested; bodies are read up to the cap.
/// </summary>
public sealed class WebFetcher : IWebFetcher, IDisposable
{
    public const int MaxRedirects = 5;

    private readonly HttpClient _http;
    private readonly Func<Uri, bool> _allows;
    private readonly TimeSpan _timeout;

    private WebFetcher(HttpClient http, Func<Uri, bool> allows, TimeSpan timeout)
    {
        _http = http;
        _allows = allows;
        _timeout = timeout;
    }

    /// <param name="session">The session's egress options (proxy, CA file, journal, redactor); their origins are not used.</param>
    /// <param name="timeout">How long the headers, and then the body, of one response may take (30 s; tests shorten it).</param>
    public static WebFetcher Create(EgressOptions session, WebAllowList allow, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(allow);
        var within = timeout ?? TimeSpan.FromSeconds(30);
        var options = session with { AllowedOrigins = [], AllowedBy = allow.Allows, Purpose = "web", Timeout = within };
        return new WebFetcher(HttpClients.Create(options), allow.Allows, within);
    }

    public async Task<WebPage> FetchAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var current = url;
        var redirects = new List<Uri>();
        while (true)
        {
            if (!_allows(current))
            {
                throw new WebFetchException($"{(redirects.Count == 0 ? "" : "it redirects to ")}{current.GetLeftPart(UriPartial.Authority)}, which is not in the [web] allow list", refused: true);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.ParseAdd("text/html, text/markdown, text/plain;q=0.9, */*;q=0.1");
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Sovereign-web-fetch", null));
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
            {
                if (redirects.Count == MaxRedirects)
                {
                    throw new WebFetchException($"more than {MaxRedirects} redirects", refused: false);
                }

                current = new Uri(current, location);
                redirects.Add(current);
                continue;
            }

            var (body, truncated) = await ReadBodyAsync(response, maxBytes, cancellationToken).ConfigureAwait(false);
            return new WebPage(current, status, response.Content.Headers.ContentType?.ToString(), body, truncated, redirects);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (EgressRefusedException)
        {
            throw new WebFetchException($"{request.RequestUri?.GetLeftPart(UriPartial.Authority)} is not in the [web] allow list", refused: true);
        }
        catch (HttpRequestException e)
        {
            throw new WebFetchException(NetworkErrors.Describe(e), e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WebFetchException($"no answer within {_timeout.TotalSeconds:0} seconds", e);
        }
    }

    /// <summary>
    /// The body, within the timeout (review of #17: the client's timeout ends at the headers, so a server that stalled in
    /// the body held the tool, and a headless run, forever); a broken connection is a failed fetch, journaled as one.
    /// </summary>
    private async Task<(byte[] Body, bool Truncated)> ReadBodyAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        using var within = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        within.CancelAfter(_timeout);
        try
        {
            return await ReadAsync(response, maxBytes, within.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WebFetchException($"the page did not arrive within {_timeout.TotalSeconds:0} seconds", e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new WebFetchException($"the connection broke while the page was read ({e.Message})", e);
        }
    }

    private static async Task<(byte[] Body, bool Truncated)> ReadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length <= maxBytes)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer.ToArray(), false);
            }

            buffer.Write(chunk, 0, read);
        }

        var all = buffer.GetBuffer();
        return (all.AsSpan(0, (int)maxBytes).ToArray(), true);
    }

    public void Dispose() => _http.Dispose();
}
