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

    [Fact]
    public async Task TheGateRefusesAnUnlistedHostBeforeNameResolution()
    {
        // .invalid never resolves: a DNS failure here would mean the gate let it through.
        using var fetcher = WebFetcher.Create(new EgressOptions([]), List(new Uri("https://docs.example")));
        var e = await Assert.ThrowsAsync<WebFetchException>(() => fetcher.FetchAsync(new Uri("https://telemetry.invalid/"), 1024, Ct));
        Assert.True(e.Refused);
    }
}
