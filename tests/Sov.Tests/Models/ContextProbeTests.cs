using Microsoft.Extensions.AI;
using Sov.Core.Models;
using Sov.TestKit.Model;

namespace Sov.Tests.Models;

/// <summary>#16: the context window is learnt from the server, a prompt that cannot fit is refused before it is sent, a small window is said at start.</summary>
public sealed class ContextProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/props", """{"default_generation_settings":{"n_ctx":4096,"params":{}},"total_slots":1}""", "llama.cpp", 4096)]
    [InlineData("GET", "/props", """{"n_ctx":2048}""", "llama.cpp", 2048)]
    [InlineData("GET", "/v1/models", """{"object":"list","data":[{"id":"scripted-model","object":"model","owned_by":"vllm","max_model_len":32768}]}""", "vLLM", 32768)]
    [InlineData("GET", "/v1/models", """{"object":"list","data":[{"id":"scripted-model","object":"model","owned_by":"llamacpp","meta":{"n_ctx":8192,"n_ctx_train":32768}}]}""", "llama.cpp", 8192)]
    [InlineData("GET", "/v1/models", """{"object":"list","data":[{"id":"scripted-model","object":"model","owned_by":"sglang","max_model_len":40960}]}""", "SGLang", 40960)]
    public async Task EachServerSaysItsWindow(string method, string path, string json, string server, int tokens)
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Route(method, path, json);

        var window = await ContextProbe.ProbeAsync(f.Http, f.Client.Endpoint, TimeSpan.FromSeconds(5), Ct);

        Assert.Equal(server, window.Server);
        Assert.Equal(tokens, window.Tokens);
    }

    [Fact]
    public async Task LlamaCppsPropsWinsOverItsModelList()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Route("GET", "/v1/models", """{"object":"list","data":[{"id":"scripted-model","object":"model","owned_by":"llamacpp","meta":{"n_ctx":8192}}]}""");
        f.Server.Route("GET", "/props", """{"default_generation_settings":{"n_ctx":512}}""");

        var window = await ContextProbe.ProbeAsync(f.Http, f.Client.Endpoint, TimeSpan.FromSeconds(5), Ct);

        Assert.Equal((512, "/props n_ctx"), (window.Tokens, window.From));
    }

    [Fact]
    public async Task OllamaShowGivesTheRuntimeWindowAndTheModels()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Route("GET", "/v1/models", """{"object":"list","data":[{"id":"scripted-model","object":"model","owned_by":"library"}]}""");
        f.Server.Route("POST", "/api/show", """{"parameters":"stop \"<|im_end|>\"\nnum_ctx 8192","model_info":{"general.architecture":"qwen3","qwen3.context_length":40960}}""");

        var window = await ContextProbe.ProbeAsync(f.Http, f.Client.Endpoint, TimeSpan.FromSeconds(5), Ct);

        Assert.Equal("Ollama", window.Server);
        Assert.Equal(8192, window.Tokens);
        Assert.Equal(40960, window.OllamaModelTokens);
    }

    [Fact]
    public async Task AnOllamaTaggedModelIsAskedAboutEvenWithAnotherOwner()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Route("GET", "/v1/models", """{"object":"list","data":[{"id":"qwen3:8b","object":"model","owned_by":"someone"}]}""");
        f.Server.Route("POST", "/api/show", """{"parameters":"","model_info":{"qwen3.context_length":40960}}""");

        var window = await ContextProbe.ProbeAsync(f.Http, f.Client.Endpoint with { Model = "qwen3:8b" }, TimeSpan.FromSeconds(5), Ct);

        Assert.Equal(("Ollama", ServerWindow.OllamaDefault, 40960), (window.Server, window.Tokens, window.OllamaModelTokens));
        Assert.Contains("\"model\":\"qwen3:8b\"", f.Server.Requests.Single(r => r.Path == "/api/show").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LmStudioSaysItsLoadedWindow()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Route("GET", "/v1/models", """{"object":"list","data":[{"id":"scripted-model","object":"model","owned_by":"organization_owner"}]}""");
        f.Server.Route("GET", "/api/v0/models", """{"object":"list","data":[{"id":"scripted-model","type":"llm","state":"loaded","max_context_length":131072,"loaded_context_length":16384}]}""");

        var window = await ContextProbe.ProbeAsync(f.Http, f.Client.Endpoint, TimeSpan.FromSeconds(5), Ct);

        Assert.Equal(("LM Studio", 16384), (window.Server, window.Tokens));
    }

    [Fact]
    public async Task OllamaIsAskedForTheConfiguredWindowAndTheWarningSaysItMayIgnoreIt()
    {
        await using var f = await ModelClientFixture.StartAsync(ModelClientFixture.FastOptions with { ContextWindow = 32768 });
        f.Server.Route("GET", "/v1/models", """{"object":"list","data":[{"id":"scripted-model","object":"model","owned_by":"library"}]}""");
        f.Server.Route("POST", "/api/show", """{"parameters":"","model_info":{"qwen3.context_length":40960}}""");

        var contents = await CollectAsync(f.Client, "hi");

        Assert.Contains("\"options\":{\"num_ctx\":32768}", f.Server.ChatRequests[0].Body, StringComparison.Ordinal);
        Assert.Contains(contents, c => c is ModelNotice n && n.Message.Contains("OLLAMA_CONTEXT_LENGTH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APromptThatCannotFitIsRefusedBeforeItIsSent()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Route("GET", "/props", """{"default_generation_settings":{"n_ctx":512}}""");

        var e = await Assert.ThrowsAsync<ContextLengthException>(() => CollectAsync(f.Client, new string('x', 10_000)));

        Assert.Contains("512", e.Message, StringComparison.Ordinal);
        Assert.Contains("not sent", e.Message, StringComparison.Ordinal);
        Assert.Empty(f.Server.ChatRequests);
    }

    [Fact]
    public async Task AWindowTooSmallForTheFirstRequestAndAnAnswerIsSaidAtStart()
    {
        await using var f = await ModelClientFixture.StartAsync();
        f.Server.Route("GET", "/props", """{"default_generation_settings":{"n_ctx":1024}}""");

        var contents = await CollectAsync(f.Client, new string('x', 1500));

        var notice = Assert.Single(contents.OfType<ModelNotice>());
        Assert.Contains("1,024 tokens", notice.Message, StringComparison.Ordinal);
        Assert.Single(f.Server.ChatRequests);
    }

    [Fact]
    public async Task AConfiguredWindowLargerThanTheServersIsCorrected()
    {
        await using var f = await ModelClientFixture.StartAsync(ModelClientFixture.FastOptions with { ContextWindow = 131072 });
        f.Server.Route("GET", "/props", """{"n_ctx":16384}""");

        var contents = await CollectAsync(f.Client, "hi");

        Assert.Equal(16384, f.Client.ContextWindow);
        Assert.Contains(contents, c => c is ModelNotice n && n.Message.Contains("using 16,384", StringComparison.Ordinal));
    }

    private static async Task<List<AIContent>> CollectAsync(IChatClient client, string prompt)
    {
        var contents = new List<AIContent>();
        await foreach (var u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, prompt)], cancellationToken: Ct))
        {
            contents.AddRange(u.Contents);
        }

        return contents;
    }
}
