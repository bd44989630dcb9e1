using Sov.Borders.Network;
using Sov.Core.Models;
using Sov.TestKit.Model;

namespace Sov.Tests.Models;

/// <summary>A scripted server on loopback and a model client reaching it through the real egress gate.</summary>
internal sealed class ModelClientFixture : IAsyncDisposable
{
    private ModelClientFixture(ScriptedModelServer server, HttpClient http, OpenAiCompatibleChatClient client)
    {
        Server = server;
        Http = http;
        Client = client;
    }

    public ScriptedModelServer Server { get; }

    public HttpClient Http { get; }

    public OpenAiCompatibleChatClient Client { get; }

    /// <summary>Retries quick and deterministic so fault tests stay fast.</summary>
    public static ModelClientOptions FastOptions { get; } = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromSeconds(2),
        Jitter = () => 0.5,
        FirstByteTimeout = TimeSpan.FromSeconds(10),
        IdleTimeout = TimeSpan.FromSeconds(10),
    };

    public static async Task<ModelClientFixture> StartAsync(ModelClientOptions? options = null, string? apiKey = null)
    {
        var server = await ScriptedModelServer.StartAsync(TestContext.Current.CancellationToken);
        var http = HttpClients.Create([server.Origin]);
        var client = new OpenAiCompatibleChatClient(http, new ModelEndpoint(server.BaseUrl, "scripted-model", apiKey), options ?? FastOptions);
        return new ModelClientFixture(server, http, client);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
