using Sov.Borders.Network;
using Sov.Core.Web;
using Sov.TestKit.Network;

namespace Sov.Tests.Borders;

/// <summary>web_fetch's own client (#17): only the listed origins, redirects re-checked before they are followed.</summary>
public sealed class WebFetcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WebAllowList List(params Uri[] origins) =>
        new([.. origins.Select(o => WebOrigin.Parse(o.GetLeftPart(UriPartial.Authority), out _)!)]);

    [Fact]
    public async Task AnAllowedPageIsFetchedAndARedirectToAnotherAllowedPageFollowed()
    {
        await using var site = await WebPageServer.StartAsync(Ct);
        site.Page("/doc", "<p>hello</p>").Redirect("/old", "/doc");
        using var fetcher = WebFetcher.Create(new EgressOptions([]), List(site.Origin));
        var page = await fetcher.FetchAsync(new Uri(site.Origin, "/old?x=1"), 1024, Ct);
        Assert.Equal(200, page.Status);
        Assert.Equal("<p>hello</p>", System.Text.Encoding.UTF8.GetString(page.Body));
        Assert.Equal(new Uri(site.Origin, "/doc"), page.FinalUrl);
        Assert.Equal(["/old?x=1", "/doc"], site.Requests);
    }

    [Fact]
    public async Task ARedirectOffTheListIsRefusedBeforeItIsRequested()
    {
        await using var site = await WebPageServer.StartAsync(Ct);
        await using var other = await WebPageServer.StartAsync(Ct);
        site.Redirect("/go", new Uri(other.Origin, "/secret").AbsoluteUri);
        other.Page("/secret", "no");
        using var fetcher = WebFetcher.Create(new EgressOptions([]), List(site.Origin));
        var e = await Assert.ThrowsAsync<WebFetchException>(() => fetcher.FetchAsync(new Uri(site.Origin, "/go"), 1024, Ct));
        Assert.True(e.Refused);
        Assert.Contains("not in the [web] allow list", e.Message, StringComparison.Ordinal);
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task TheBodyIsCutAtTheCap()
    {
        await using var site = await WebPageServer.StartAsync(Ct);
        site.Page("/big", new string('x', 5000), "text/plain");
        using var fetcher = WebFetcher.Create(new EgressOptions([]), List(site.Origin));
        var page = await fetcher.FetchAsync(new Uri(site.Origin, "/big"), 1000, Ct);
        Assert.True(page.Truncated);
        Assert.Equal(1000, page.Body.Length);
    }

    // Review of #17: the client's 30 s timeout ends when the headers arrive; a server that then stalled in the body held
    // web_fetch (and a headless run) forever. The body now has the same budget, and running out is a failed fetch.
    [Fact]
    public async Task ABodyThatStallsEndsAsAFailedFetchWithinTheTimeout()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromSeconds(30));
        var serving = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync(stop.Token);
            var stream = client.GetStream();
            var buffer = new byte[4096];
            _ = await stream.ReadAsync(buffer, stop.Token);
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nonly a little"u8.ToArray(), stop.Token);
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default); // stalls until the test ends
        }, stop.Token);
        var origin = new Uri($"http://127.0.0.1:{port}");
        using var fetcher = WebFetcher.Create(new EgressOptions([]), List(origin), TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<WebFetchException>(() => fetcher.FetchAsync(new Uri(origin, "/slow"), 1024, stop.Token));

        Assert.False(e.Refused);
        Assert.Contains("did not arrive within 1 seconds", e.Message, StringComparison.Ordinal);
        await stop.CancelAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task TheGateRefusesAnUnlistedHostBeforeNameResolution()
    {
        // .invalid never resolves: a DNS failure here would mean the gate let it through.
        using var fetcher = WebFetcher.Create(new EgressOptions([]), List(new Uri("https://docs.example")));
        var e = await Assert.ThrowsAsync<WebFetchException>(() => fetcher.FetchAsync(new Uri("https://telemetry.invalid/"), 1024, Ct));
        Assert.True(e.Refused);
    }
}
