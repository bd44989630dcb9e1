using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sov.Borders.Network;
using Sov.Core.Audit;
using Sov.Core.Secrets;
using Sov.TestKit.Network;

namespace Sov.Tests.Borders;

/// <summary>The record of a request is on disk, chained and verifiable, before the request reaches the server.</summary>
public sealed class GateDurabilityTests
{
    [Fact]
    public async Task TheRequestRecordAndItsBodyAreWrittenBeforeTheServerSeesTheRequest()
    {
        var dir = Directory.CreateTempSubdirectory("sov-durable-").FullName;
        var ct = TestContext.Current.CancellationToken;
        using var journal = Journal.Start(dir, new SessionInfo("t", "d", "/w", "m", "e", "ask"));
        string? lastLineSeenByServer = null;
        bool? bodyStoredBeforehand = null;
        await using var server = await LoopbackRecorder.StartAsync(request =>
        {
            // Read the journal from the server's side, at the moment the request arrives.
            lastLineSeenByServer = File.ReadAllLines(journal.FilePath)[^1];
            bodyStoredBeforehand = File.Exists(journal.Bodies.PathOf(Convert.ToHexStringLower(SHA256.HashData(request.Body))));
            return (200, "application/json", "{}");
        }, cancellationToken: ct);
        using var client = HttpClients.Create(new EgressOptions([server.BaseAddress])
        {
            Observer = new JournalEgressObserver(journal),
            Redactor = new Redactor(),
        });
        using var content = new StringContent("{\"messages\":[]}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(server.BaseAddress, content, ct);

        using var record = JsonDocument.Parse(lastLineSeenByServer!);
        Assert.Equal("egress_request", record.RootElement.GetProperty("type").GetString());
        Assert.True(bodyStoredBeforehand);
        Directory.Delete(dir, true);
    }
}
