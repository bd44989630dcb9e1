using Sov.Borders.Network;

namespace Sov.Tests.Borders;

public sealed class EgressGateTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8000/v1/chat/completions", true)]
    [InlineData("HTTP://127.0.0.1:8000/other", true)]
    [InlineData("https://127.0.0.1:8000/v1", false)] // scheme differs
    [InlineData("http://127.0.0.1:8001/v1", false)] // port differs
    [InlineData("http://localhost:8000/v1", false)] // host differs, even if it resolves the same
    [InlineData("http://127.0.0.1.attacker.example:8000/", false)]
    public void OnlyExactOriginsPass(string url, bool allowed)
    {
        var gate = new EgressGate([new Uri("http://127.0.0.1:8000/v1")]);
        Assert.Equal(allowed, gate.Allows(new Uri(url)));
    }

    [Fact]
    public async Task AnUnnamedHostIsRefusedBeforeNameResolution()
    {
        // .invalid never resolves: had the gate let it through we would see a DNS failure instead.
        using var client = HttpClients.Create([new Uri("http://127.0.0.1:9/")]);
        var e = await Assert.ThrowsAsync<EgressRefusedException>(
            () => client.GetAsync(new Uri("http://telemetry.invalid/collect"), TestContext.Current.CancellationToken));
        Assert.Contains("telemetry.invalid", e.Message, StringComparison.Ordinal);
    }
}
