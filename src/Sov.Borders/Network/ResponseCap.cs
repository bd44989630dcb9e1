using Sov.Borders.Mcp;

namespace Sov.Borders.Network;

/// <summary>
/// Caps each response body while it is read: past the limit, reading fails with
/// <see cref="McpMessageTooLargeException"/> instead of buffering on (an MCP server over HTTP: one
/// JSON response or one event stream per request). (Pinned attack, issue #12: a 300 MB result.)
/// </summary>
internal sealed class ResponseCap(long limit) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength > limit)
        {
            response.Dispose();
            throw new McpMessageTooLargeException(limit);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        response.Content = EgressGate.Replace(response.Content, new StreamContent(new CountingStream(stream, _ => { }, limit)), disposeOld: false);
        return response;
    }
}
