using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sov.TestKit.RealServer;

/// <summary>
/// A small proxy (Kestrel on 127.0.0.1, ephemeral port) between sov and a <see cref="RealLlamaServer"/> (#16).
/// Every request goes on unchanged except chat completions, which take the next <see cref="Steer"/> from the
/// queue (or <see cref="Fallback"/>): that is how the gibberish model answers with a chosen tool call or text,
/// streamed by the real server through its real template and tool-call parser. Answers are streamed back as
/// they arrive and every exchange is recorded.
/// </summary>
public sealed class SteeringProxy : IAsyncDisposable
{
    private readonly ConcurrentQueue<Steer> _steers = new();
    private readonly ConcurrentQueue<ProxiedExchange> _exchanges = new();
    private readonly RealLlamaServer _server;
    private readonly WebApplication _app;

    private SteeringProxy(RealLlamaServer server, WebApplication app, Uri origin)
    {
        _server = server;
        _app = app;
        Origin = origin;
    }

    /// <summary>http://127.0.0.1:PORT</summary>
    public Uri Origin { get; }

    /// <summary>http://127.0.0.1:PORT/v1, what --endpoint takes.</summary>
    public Uri BaseUrl => new(Origin, "/v1");

    /// <summary>The steer when the queue is empty.</summary>
    public Steer Fallback { get; set; } = Steer.Answer("Done.");

    public IReadOnlyList<ProxiedExchange> Exchanges => [.. _exchanges];

    /// <summary>Chat-completions exchanges only, in order.</summary>
    public IReadOnlyList<ProxiedExchange> ChatExchanges => [.. _exchanges.Where(e => e.IsChat)];

    public static async Task<SteeringProxy> StartAsync(RealLlamaServer server, CancellationToken cancellationToken = default)
    {
        SteeringProxy? proxy = null;
        var (app, origin) = await LoopbackHost.StartAsync(context => proxy!.HandleAsync(context), cancellationToken).ConfigureAwait(false);
        proxy = new SteeringProxy(server, app, origin);
        return proxy;
    }

    public SteeringProxy Enqueue(params Steer[] steers)
    {
        foreach (var steer in steers)
        {
            _steers.Enqueue(steer);
        }

        return this;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var clock = Stopwatch.StartNew();
        var ct = context.RequestAborted;
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        var path = (context.Request.Path.Value ?? "/") + context.Request.QueryString.Value;
        var isChat = HttpMethods.IsPost(context.Request.Method) && path.EndsWith("/chat/completions", StringComparison.Ordinal);
        var forwarded = isChat ? (_steers.TryDequeue(out var steer) ? steer : Fallback).Apply(body) : body;

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(path.TrimStart('/'), UriKind.Relative));
        if (body.Length > 0 || HttpMethods.IsPost(context.Request.Method))
        {
            request.Content = new StringContent(forwarded, Encoding.UTF8, "application/json");
        }

        var copy = new MemoryStream();
        var status = 502;
        try
        {
            // The server's answer is read to its end even when sov stops reading early (it may hang up once it has
            // seen finish_reason): the figures come in the last events, and the test reads them from this copy.
            using var upstream = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            using var response = await _server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, upstream.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            context.Response.StatusCode = status;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await using var stream = await response.Content.ReadAsStreamAsync(upstream.Token).ConfigureAwait(false);
            var buffer = new byte[16 * 1024];
            var clientGone = false;
            int read;
            while ((read = await stream.ReadAsync(buffer, upstream.Token).ConfigureAwait(false)) > 0)
            {
                copy.Write(buffer, 0, read);
                if (clientGone)
                {
                    continue;
                }

                try
                {
                    await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or OperationCanceledException)
                {
                    clientGone = true;
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = status;
            }
        }
        finally
        {
            _exchanges.Enqueue(new ProxiedExchange(
                context.Request.Method, path, body, forwarded, status, Encoding.UTF8.GetString(copy.ToArray()), clock.Elapsed));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
