using System.Net;

namespace Sov.Borders.Network;

/// <summary>
/// The one place HttpClients are made. Every client sends through <see cref="EgressGate"/>, which lets
/// a request out only to the exact scheme, host and port the person configured. The socket handler
/// below never reads proxy variables: a proxy is used only when configured explicitly.
/// </summary>
public static class HttpClients
{
    public static HttpClient Create(IEnumerable<Uri> allowedOrigins, Uri? proxy = null, TimeSpan? timeout = null)
    {
        var sockets = new SocketsHttpHandler
        {
            UseProxy = proxy is not null,
            Proxy = proxy is null ? null : new WebProxy(proxy),
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var gate = new EgressGate(allowedOrigins) { InnerHandler = sockets };
        return new HttpClient(gate, disposeHandler: true) { Timeout = timeout ?? Timeout.InfiniteTimeSpan };
    }
}
