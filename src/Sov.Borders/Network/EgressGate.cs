using System.Collections.Frozen;
using System.Diagnostics;
using System.Net.Http.Headers;
using Sov.Core.Audit;
using Sov.Core.Secrets;

namespace Sov.Borders.Network;

/// <summary>
/// The network border: the one handler every HTTP request passes. A request leaves only when its
/// scheme, host and port are exactly one of the configured origins; anything else is refused here,
/// before any name is resolved, and reported to the observer (journaled). A request that may leave has
/// its body redacted (secrets become <c>[REDACTED:kind:hash8]</c>), and the exact bytes that will leave are
/// reported (stored and journaled) before they are sent; bytes in are counted as the response is read.
/// </summary>
public sealed class EgressGate : DelegatingHandler
{
    private readonly FrozenSet<string> _origins;
    private readonly IEgressObserver? _observer;
    private readonly Redactor? _redactor;
    private readonly string _purpose;
    private readonly Func<Uri, bool>? _allowedBy;

    public EgressGate(IEnumerable<Uri> allowedOrigins)
        : this(allowedOrigins, null, null, "model")
    {
    }

    /// <param name="allowedBy">Judges URLs beyond the exact origins (web_fetch's host list); null: the origins only.</param>
    public EgressGate(IEnumerable<Uri> allowedOrigins, IEgressObserver? observer, Redactor? redactor, string purpose, Func<Uri, bool>? allowedBy = null)
    {
        _allowedBy = allowedBy;
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        _origins = allowedOrigins.Select(Origin).ToFrozenSet(StringComparer.Ordinal);
        _observer = observer;
        _redactor = redactor;
        _purpose = purpose;
    }

    public bool Allows(Uri uri) => uri.IsAbsoluteUri && (_origins.Contains(Origin(uri)) || _allowedBy?.Invoke(uri) == true);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is null || !Allows(request.RequestUri))
        {
            var refused = new EgressRefusedException(request.RequestUri);
            _observer?.Refused(request.Method.Method, Destination(request.RequestUri), "not a configured endpoint");
            throw refused;
        }

        var uri = request.RequestUri;
        byte[] body = [];
        IReadOnlyList<Redaction> redactions = [];
        var hasBody = request.Content is not null;
        if (request.Content is { } content)
        {
            body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (_redactor is not null)
            {
                var cleaned = _redactor.RedactBody(body);
                body = cleaned.Bytes;
                redactions = cleaned.Redactions;
            }

            request.Content = Replace(content, new ByteArrayContent(body), disposeOld: true);
        }

        var id = _observer?.Sending(_purpose, request.Method.Method, Origin(uri), uri.AbsolutePath, body, hasBody, redactions) ?? 0;
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            // Framework messages are resource keys in the published binary: pass on plain words (#13.8).
            _observer?.Completed(id, null, 0, clock.Elapsed, $"{e.GetType().Name}: {NetworkErrors.Describe(e)}");
            throw NetworkErrors.Plain(e, uri);
        }
        catch (Exception e) when (_observer is not null)
        {
            _observer.Completed(id, null, 0, clock.Elapsed, $"{e.GetType().Name}: {NetworkErrors.Describe(e)}");
            throw;
        }

        if (_observer is null)
        {
            return response;
        }

        var status = (int)response.StatusCode;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var observer = _observer;
        response.Content = Replace(response.Content,
            new StreamContent(new CountingStream(stream, n => observer.Completed(id, status, n, clock.Elapsed, null))),
            disposeOld: false); // the old content owns the stream we now wrap
        return response;
    }

    /// <summary>Scheme, host and port, lower-cased, with the default port made explicit.</summary>
    public static string Origin(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return $"{uri.Scheme.ToLowerInvariant()}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port}";
    }

    private static string Destination(Uri? uri) =>
        uri is null ? "(no address)" : uri.IsAbsoluteUri ? Origin(uri) + uri.AbsolutePath : uri.OriginalString;

    internal static HttpContent Replace(HttpContent old, HttpContent replacement, bool disposeOld)
    {
        foreach (var header in old.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (disposeOld)
        {
            old.Dispose();
        }

        return replacement;
    }
}
