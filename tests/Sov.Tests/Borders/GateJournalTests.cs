using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sov.Borders.Network;
using Sov.Core.Audit;
using Sov.Core.Secrets;
using Sov.TestKit.Network;

namespace Sov.Tests.Borders;

/// <summary>The gate against a real loopback server, journaling into a real journal on disk.</summary>
public sealed class GateJournalTests : IDisposable
{
    private static readonly string Token = "ghp_" + "1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R";
    private readonly string _dir = Directory.CreateTempSubdirectory("sov-gate-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, true);

    private (HttpClient Client, Journal Journal) Client(Uri endpoint, Redactor? redactor = null)
    {
        var journal = Journal.Start(_dir, new SessionInfo("t", "d", "/w", "m", endpoint.ToString(), "ask"));
        var client = HttpClients.Create(new EgressOptions([endpoint])
        {
            Observer = new JournalEgressObserver(journal),
            Redactor = redactor ?? new Redactor(),
        });
        return (client, journal);
    }

    private static List<JsonElement> Records(Journal journal) =>
        [.. File.ReadAllLines(journal.FilePath).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public async Task ARequestIsJournaledWithBytesBothWaysAndItsExactBodyStored()
    {
        await using var server = await LoopbackRecorder.StartAsync(cancellationToken: Ct);
        var (client, journal) = Client(server.BaseAddress);
        using (client)
        using (journal)
        {
            using var content = new StringContent("{\"model\":\"m\",\"messages\":[]}", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri(server.BaseAddress, "v1/chat/completions"), content, Ct);
            Assert.Equal("{\"ok\":true}", await response.Content.ReadAsStringAsync(Ct));
        }

        var sent = Assert.Single(server.Requests).Body;
        Assert.Equal("application/json; charset=utf-8", Assert.Single(server.Requests).Headers["Content-Type"]);
        var records = Records(journal);
        var request = records.Single(r => r.GetProperty("type").GetString() == "egress_request");
        Assert.Equal(sent.Length, request.GetProperty("bytes_out").GetInt64());
        Assert.Equal("/v1/chat/completions", request.GetProperty("path").GetString());
        var sha = request.GetProperty("body_sha256").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(sent)), sha);
        Assert.Equal(sent, journal.Bodies.TryRead(sha));
        var response2 = records.Single(r => r.GetProperty("type").GetString() == "egress_response");
        Assert.Equal(200, response2.GetProperty("status").GetInt32());
        Assert.Equal(11, response2.GetProperty("bytes_in").GetInt64());
        Assert.True(JournalVerifier.Verify(journal.FilePath).Ok);
    }

    [Fact]
    public async Task ASecretInTheBodyNeverLeavesAndTheJournalKeepsOnlyKindAndHash()
    {
        await using var server = await LoopbackRecorder.StartAsync(cancellationToken: Ct);
        var (client, journal) = Client(server.BaseAddress);
        using (client)
        using (journal)
        {
            var body = $"{{\"messages\":[{{\"role\":\"tool\",\"content\":\"GITHUB_TOKEN={Token}\\n\"}}]}}";
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(server.BaseAddress, content, Ct);
        }

        var sent = Assert.Single(server.Requests).BodyText;
        Assert.DoesNotContain(Token, sent, StringComparison.Ordinal);
        Assert.Contains($"[REDACTED:github-token:{Redactor.Hash8(Token)}]", sent, StringComparison.Ordinal);
        var redaction = Records(journal).Single(r => r.GetProperty("type").GetString() == "redaction");
        var secret = Assert.Single(redaction.GetProperty("secrets").EnumerateArray().ToList());
        Assert.Equal("github-token", secret.GetProperty("kind").GetString());
        foreach (var file in Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Token, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARefusedRequestIsJournaledAndNeverResolved()
    {
        await using var server = await LoopbackRecorder.StartAsync(cancellationToken: Ct);
        var (client, journal) = Client(server.BaseAddress);
        using (client)
        using (journal)
        {
            // .invalid never resolves: had the gate let it through we would see a DNS failure instead.
            await Assert.ThrowsAsync<EgressRefusedException>(() =>
                client.PostAsync(new Uri("https://telemetry.invalid/v1/collect"), new StringContent("x"), Ct));
        }

        var refused = Records(journal).Single(r => r.GetProperty("type").GetString() == "egress_refused");
        Assert.Equal("https://telemetry.invalid:443/v1/collect", refused.GetProperty("destination").GetString());
        Assert.Empty(server.Requests);
        Assert.DoesNotContain(Records(journal), r => r.GetProperty("type").GetString() == "egress_request");
    }

    [Fact]
    public async Task AFailedConnectionIsJournaledWithItsError()
    {
        using var canary = new CanaryListener();
        var port = canary.Port;
        canary.Dispose(); // nothing listens there now
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        var (client, journal) = Client(endpoint);
        using (client)
        using (journal)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(endpoint, Ct));
        }

        var done = Records(journal).Single(r => r.GetProperty("type").GetString() == "egress_response");
        Assert.Equal(JsonValueKind.Null, done.GetProperty("status").ValueKind);
        Assert.Contains("HttpRequestException", done.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConfiguredProxyIsUsedAndOnlyThen()
    {
        using var proxy = new CanaryListener();
        await using var server = await LoopbackRecorder.StartAsync(cancellationToken: Ct);
        using (var direct = HttpClients.Create([server.BaseAddress]))
        {
            using var ok = await direct.GetAsync(server.BaseAddress, Ct);
        }

        Assert.Equal(0, proxy.Connections);
        using var proxied = HttpClients.Create([server.BaseAddress], proxy: proxy.Address);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => proxied.GetAsync(server.BaseAddress, Ct));
        Assert.True(proxy.Connections >= 1); // the handler may retry a connection the canary closed
        Assert.Single(server.Requests);
    }
}
