using Microsoft.AspNetCore.Http;

namespace Sov.TestKit.Model;

/// <summary>Writes server-sent events with the response's line ending, flushing each so the client sees it now.</summary>
internal sealed class SseWriter(HttpContext context, string lineEnding)
{
    public HttpResponse Response => context.Response;

    public async Task EventAsync(string data, CancellationToken ct)
    {
        await context.Response.WriteAsync("data: " + data + lineEnding + lineEnding, ct).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
    }

    public async Task RawAsync(string text, CancellationToken ct)
    {
        await context.Response.WriteAsync(text, ct).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
    }
}
