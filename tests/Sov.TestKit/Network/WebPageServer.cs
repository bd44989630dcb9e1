using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sov.TestKit.Network;

/// <summary>
/// A web site for web_fetch tests (#17): Kestrel on 127.0.0.1, a free port, serving pages by path (body and content type)
/// and redirects (a Location header); every request's path and query recorded. Unknown paths are 404.
/// </summary>
public sealed class WebPageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, string ContentType, byte[] Body, string? Location)> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    private WebPageServer(WebApplication app) => _app = app;

    /// <summary>http://127.0.0.1:PORT</summary>
    public Uri Origin { get; private set; } = null!;

    /// <summary>Path and query of each request, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public WebPageServer Page(string path, string body, string contentType = "text/html; charset=utf-8")
    {
        _pages[path] = (200, contentType, Encoding.UTF8.GetBytes(body), null);
        return this;
    }

    public WebPageServer Redirect(string path, string location, int status = 302)
    {
        _pages[path] = (status, "text/plain", [], location);
        return this;
    }

    public static async Task<WebPageServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var self = new WebPageServer(app);
        app.Run(async context =>
        {
            self._requests.Enqueue(context.Request.Path + context.Request.QueryString);
            if (!self._pages.TryGetValue(context.Request.Path.Value ?? "/", out var page))
            {
                context.Response.StatusCode = 404;
                return;
            }

            context.Response.StatusCode = page.Status;
            context.Response.ContentType = page.ContentType;
            if (page.Location is not null)
            {
                context.Response.Headers.Location = page.Location;
            }

            await context.Response.Body.WriteAsync(page.Body, context.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self.Origin = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
