using Sov.Core.Watch;

namespace Sov.Tests.Watch;

/// <summary>Where each allowed endpoint stands inside the contained namespace (#19).</summary>
public sealed class ContainPlanTests
{
    [Fact]
    public void LoopbackKeepsItsAddressAndNamesGetTheirOwn()
    {
        var plan = ContainPlan.Build(["127.0.0.1:8080", "models.corp.example:443", "localhost:9000"], out var problem);
        Assert.Null(problem);
        Assert.Equal(["127.0.0.1:8080", "127.0.0.2:443", "127.0.0.1:9000"], plan.Endpoints.Select(e => $"{e.InsideAddress}:{e.Port}"));
        Assert.Contains("127.0.0.2 models.corp.example\n", plan.HostsFile, StringComparison.Ordinal);
        Assert.Equal("models.corp.example:443", plan.Endpoints[1].Destination);
    }

    [Fact]
    public void AnAddressThatCannotBeBoundInsideIsRefused()
    {
        ContainPlan.Build(["10.1.2.3:8000"], out var problem);
        Assert.Contains("host name or a loopback address", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoPortsOfOneHostShareItsInsideAddress()
    {
        // Review of #19: a client that takes only the first address of a name must reach both ports.
        var plan = ContainPlan.Build(["a.example:443", "A.example:8443", "b.example:443"], out var problem);
        Assert.Null(problem);
        Assert.Equal(["127.0.0.2:443", "127.0.0.2:8443", "127.0.0.3:443"], plan.Endpoints.Select(e => $"{e.InsideAddress}:{e.Port}"));
        Assert.Single(plan.HostsFile.Split('\n'), l => l.EndsWith("a.example", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("127.example.com:443", "127.0.0.2")]
    [InlineData("LOCALHOST:9000", "127.0.0.1")]
    public void NamesThatLookLikeLoopbackAreTakenForWhatTheyAre(string allowed, string inside)
    {
        var plan = ContainPlan.Build([allowed], out var problem);
        Assert.Null(problem);
        Assert.Equal(inside, plan.Endpoints[0].InsideAddress);
    }
}
