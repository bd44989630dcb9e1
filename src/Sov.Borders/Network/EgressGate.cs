using System.Collections.Frozen;

namespace Sov.Borders.Network;

/// <summary>
/// The network border: the one handler every HTTP request passes. A request leaves only when its
/// scheme, host and port are exactly one of the configured origins; anything else is refused here,
/// before any name is resolved. (Journal records, byte counts and secret redaction join it later.)
/// </summary>
public sealed class EgressGate : DelegatingHandler
{
    private readonly FrozenSet<string> _origins;

    public EgressGate(IEnumerable<Uri> allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        _origins = allowedOrigins.Select(Origin).ToFrozenSet(StringComparer.Ordinal);
    }

    public bool Allows(Uri uri) => uri.IsAbsoluteUri && _origins.Contains(Origin(uri));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is null || !Allows(request.RequestUri))
        {
            throw new EgressRefusedException(request.RequestUri);
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Scheme, host and port, lower-cased, with the default port made explicit.</summary>
    public static string Origin(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return $"{uri.Scheme.ToLowerInvariant()}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port}";
    }
}
