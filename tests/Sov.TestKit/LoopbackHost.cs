using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sov.TestKit;

/// <summary>A real Kestrel server on 127.0.0.1 with an ephemeral port, every request going to one handler.</summary>
public static class LoopbackHost
{
    /// <summary>Starts it; <paramref name="handler"/> may be called as soon as this returns. Gives the app and http://127.0.0.1:PORT.</summary>
    public static async Task<(WebApplication App, Uri Origin)> StartAsync(Func<HttpContext, Task> handler, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(new RequestDelegate(handler));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }
}
