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
}
