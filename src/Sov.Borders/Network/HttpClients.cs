using System.Net;

namespace Sov.Borders.Network;

/// <summary>
/// The one place HttpClients are made. Every client sends through <see cref="EgressGate"/>, which lets
/// a request out only to the exact scheme, host and port the person configured. The socket handler
/// below never reads proxy variables (<c>UseProxy = false</c>): a proxy is used only when configured
/// (<c>network.proxy</c>). TLS validation is always on; <c>network.ca_file</c> adds private roots.
/// </summary>
public static class HttpClients
{
    public static HttpClient Create(IEnumerable<Uri> allowedOrigins, Uri? proxy = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        return Create(new EgressOptions([.. allowedOrigins]) { Proxy = proxy, Timeout = timeout });
    }

    public static HttpClient Create(EgressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sockets = new SocketsHttpHandler
        {
            UseProxy = options.Proxy is not null,
            Proxy = options.Proxy is null ? null : new WebProxy(options.Proxy) { BypassProxyOnLocal = false },
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (options.CaFile is not null)
        {
            sockets.SslOptions.RemoteCertificateValidationCallback = PrivateCa.Load(options.CaFile);
        }

        var gate = new EgressGate(options.AllowedOrigins, options.Observer, options.Redactor, options.Purpose, options.AllowedBy)
        {
            InnerHandler = sockets,
        };
        HttpMessageHandler outer = options.MaxResponseBytes is { } cap ? new ResponseCap(cap) { InnerHandler = gate } : gate;
        return new HttpClient(outer, disposeHandler: true) { Timeout = options.Timeout ?? Timeout.InfiniteTimeSpan };
    }
}
