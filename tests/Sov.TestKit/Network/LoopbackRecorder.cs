using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sov.TestKit.Network;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port, optionally TLS) that records every request it
/// receives, exact body included, and answers each with <c>respond</c> (default: 200, <c>{"ok":true}</c>).
/// Stands for a model endpoint or an OpenTelemetry collector in border tests.
/// </summary>
public sealed class LoopbackRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackRecorder(WebApplication app, Uri address)
    {
        _app = app;
        BaseAddress = address;
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LoopbackRecorder> StartAsync(
        Func<RecordedRequest, (int Status, string ContentType, string Body)>? respond = null,
        X509Certificate2? certificate = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        LoopbackRecorder? self = null;
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            var recorded = new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                buffer.ToArray());
            self!._requests.Enqueue(recorded);
            var (status, contentType, body) = respond?.Invoke(recorded) ?? (200, "application/json", "{\"ok\":true}");
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new LoopbackRecorder(app, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/"));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
