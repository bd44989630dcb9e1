namespace Sov.Core.Web;

/// <summary>
/// Fetches one page for web_fetch through the network border (implemented in Sov.Borders on an HttpClient of the egress
/// gate that allows only the <c>[web] allow</c> hosts). Redirects are followed only to hosts the list allows, each hop
/// checked before it is requested; the body is read up to <paramref name="maxBytes"/>.
/// </summary>
public interface IWebFetcher
{
    /// <exception cref="WebFetchException">Refused (a redirect off the list, too many redirects) or failed (no answer).</exception>
    Task<WebPage> FetchAsync(Uri url, long maxBytes, CancellationToken cancellationToken);
}
