using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sov.TestKit.Network;

/// <summary>
/// A loopback OpenTelemetry collector that speaks OTLP/HTTP as the specification says (#20): Kestrel on 127.0.0.1,
/// <c>POST /v1/logs</c> with <c>application/json</c> only (415 otherwise, 404 for another path), the body read as an
/// <c>ExportLogsServiceRequest</c> in the OTLP JSON mapping (a malformed one is 400), a 200 answer with an
/// <c>ExportLogsServiceResponse</c>. It keeps every log record it accepted, in arrival order. <see cref="Respond"/> can
/// answer otherwise (429 with Retry-After, 500) before anything is kept. <see cref="StopAsync"/> and
/// <see cref="StartAgainAsync"/> take it down and bring it back on the same port.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<OtlpLogRecord> _records = new();
    private WebApplication? _app;
    private int _requests;

    private OtlpCollector(int port) => Port = port;

    public int Port { get; private set; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>Log records accepted so far, in the order they arrived.</summary>
    public IReadOnlyList<OtlpLogRecord> Records => [.. _records];

    /// <summary>Requests answered (any status).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Given the request's number (1-based), a status and Retry-After seconds to answer instead of taking it; null: take it.</summary>
    public Func<int, (int Status, int? RetryAfter)?>? Respond { get; set; }

    public static async Task<OtlpCollector> StartAsync(CancellationToken cancellationToken)
    {
        var collector = new OtlpCollector(0);
        await collector.StartAgainAsync(cancellationToken).ConfigureAwait(false);
        return collector;
    }

    /// <summary>Listens again on the same port (a free one the first time).</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _app = app;
    }

    /// <summary>Stops listening: connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _requests);
        if (context.Request.Method != "POST" || context.Request.Path != "/v1/logs")
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (context.Request.ContentType?.Split(';')[0].Trim() != "application/json")
        {
            context.Response.StatusCode = 415;
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        if (Respond?.Invoke(number) is { } answer)
        {
            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return;
        }

        List<OtlpLogRecord> records;
        try
        {
            records = OtlpLogRecord.Parse(buffer.ToArray());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync($"{{\"error\":\"{e.GetType().Name}\"}}", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        foreach (var record in records)
        {
            _records.Enqueue(record);
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"partialSuccess\":{}}", context.RequestAborted).ConfigureAwait(false);
    }
}
