using Sov.Borders.Network;
using Sov.Core.Models;
using Sov.TestKit.Model;

namespace Sov.Tests.Models;

public sealed class EndpointDiscoveryTests
{
    [Fact]
    public void TheCandidatesAreLoopbackOnly() =>
        Assert.All(EndpointDiscovery.Candidates, c => Assert.Equal("127.0.0.1", c.BaseUrl.Host));

    [Fact]
    public async Task TheFirstAnsweringCandidateWinsWithItsModels()
    {
        await using var server = await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken);
        var dead = new Uri("http://127.0.0.1:9/v1");
        using var http = HttpClients.Create([server.Origin, new Uri("http://127.0.0.1:9")]);

        var found = await EndpointDiscovery.DiscoverAsync(http, [("dead", dead), ("scripted", server.BaseUrl)], TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.NotNull(found);
        Assert.Equal("scripted", found.Value.Server);
        Assert.Equal(["scripted-model"], found.Value.Models);
    }

    [Fact]
    public async Task NothingAnsweringIsNull()
    {
        using var http = HttpClients.Create([new Uri("http://127.0.0.1:9")]);
        Assert.Null(await EndpointDiscovery.DiscoverAsync(http, [("dead", new Uri("http://127.0.0.1:9/v1"))], TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken));
    }
}
