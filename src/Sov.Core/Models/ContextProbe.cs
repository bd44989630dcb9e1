using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sov.Core.Models;

/// <summary>
/// Learns the context window from the server instead of guessing it from the model's name (#16), through the
/// same egress-gated HttpClient as the chat requests (the endpoint's own origin, nothing else):
/// <c>GET {base}/models</c> (vLLM and SGLang <c>max_model_len</c>, llama.cpp <c>meta.n_ctx</c>, LM Studio
/// <c>loaded_context_length</c>/<c>max_context_length</c>), then by what that list said about the server:
/// llama.cpp <c>GET /props</c> (<c>n_ctx</c>, <c>default_generation_settings.n_ctx</c>), Ollama
/// <c>POST /api/show</c> (<c>model_info.*.context_length</c> and the Modelfile's <c>num_ctx</c>), LM Studio
/// <c>GET /api/v0/models</c> (<c>loaded_context_length</c>, <c>max_context_length</c>). Failures are quiet:
/// an unknown window is the configured or family default, as before.
/// </summary>
public static class ContextProbe
{
    public static async Task<ServerWindow> ProbeAsync(HttpClient http, ModelEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var ct = deadline.Token;
        var origin = endpoint.Origin.AbsoluteUri.TrimEnd('/');
        string? owner = null;
        using (var models = await GetAsync(http, HttpMethod.Get, endpoint.Models, null, ct).ConfigureAwait(false))
        {
            if (models is not null && Entry(models.RootElement, endpoint.Model) is { } entry)
            {
                owner = Str(entry, "owned_by");
                if (Int(entry, "max_model_len") is { } vllm)
                {
                    return new ServerWindow(owner == "sglang" ? "SGLang" : "vLLM", vllm, "/v1/models max_model_len");
                }

                if (entry.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object && Int(meta, "n_ctx") is { } llama)
                {
                    // /props is llama.cpp's own word on the window a request gets; the list's figure is the fallback.
                    return await PropsAsync(http, origin, ct).ConfigureAwait(false) ?? new ServerWindow("llama.cpp", llama, "/v1/models meta.n_ctx");
                }

                if ((Int(entry, "loaded_context_length") ?? Int(entry, "max_context_length")) is { } lmStudio)
                {
                    return new ServerWindow("LM Studio", lmStudio, "/v1/models context length");
                }
            }
        }

        if ((owner is null or "llamacpp") && await PropsAsync(http, origin, ct).ConfigureAwait(false) is { } fromProps)
        {
            return fromProps;
        }

        // Ollama lists a model's namespace as its owner ("library" for its own); a "name:tag" model or its port says it too.
        var otherServer = owner is "vllm" or "sglang" or "llamacpp" or "organization_owner";
        if (owner is "library" or "ollama" || (!otherServer && (endpoint.Origin.Port == 11434 || endpoint.Model.Contains(':', StringComparison.Ordinal))))
        {
            var request = $$"""{"model":"{{JsonEncodedText.Encode(endpoint.Model)}}"}""";
            using var show = await GetAsync(http, HttpMethod.Post, new Uri(origin + "/api/show"), request, ct).ConfigureAwait(false);
            if (show is not null && show.RootElement.ValueKind == JsonValueKind.Object)
            {
                return Ollama(show.RootElement);
            }
        }

        if (owner is "organization_owner" || (owner is null && endpoint.Origin.Port == 1234))
        {
            using var lm = await GetAsync(http, HttpMethod.Get, new Uri(origin + "/api/v0/models"), null, ct).ConfigureAwait(false);
            if (lm is not null && Entry(lm.RootElement, endpoint.Model) is { } entry
                && (Int(entry, "loaded_context_length") ?? Int(entry, "max_context_length")) is { } tokens)
            {
                return new ServerWindow("LM Studio", tokens, "/api/v0/models context length");
            }
        }

        return ServerWindow.Unknown;
    }

    /// <summary>llama.cpp's GET /props: <c>default_generation_settings.n_ctx</c> (the window of one slot), or a top-level <c>n_ctx</c>.</summary>
    private static async Task<ServerWindow?> PropsAsync(HttpClient http, string origin, CancellationToken ct)
    {
        using var props = await GetAsync(http, HttpMethod.Get, new Uri(origin + "/props"), null, ct).ConfigureAwait(false);
        if (props is null || props.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var root = props.RootElement;
        var tokens = (root.TryGetProperty("default_generation_settings", out var settings) && settings.ValueKind == JsonValueKind.Object ? Int(settings, "n_ctx") : null)
            ?? Int(root, "n_ctx");
        return tokens is { } n ? new ServerWindow("llama.cpp", n, "/props n_ctx") : null;
    }

    /// <summary>Ollama's /api/show: the model's trained window, and the runtime one (the Modelfile's num_ctx, else Ollama's default).</summary>
    public static ServerWindow Ollama(JsonElement show)
    {
        int? trained = null;
        if (show.TryGetProperty("model_info", out var info) && info.ValueKind == JsonValueKind.Object)
        {
            trained = info.EnumerateObject()
                .Where(p => p.Name.EndsWith(".context_length", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.Number)
                .Select(p => p.Value.TryGetInt32(out var n) ? n : (int?)null)
                .FirstOrDefault(n => n is > 0);
        }

        int? numCtx = null;
        if (Str(show, "parameters") is { } parameters)
        {
            foreach (var line in parameters.Split('\n'))
            {
                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && parts[0] == "num_ctx" && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                {
                    numCtx = n;
                }
            }
        }

        var runtime = numCtx ?? ServerWindow.OllamaDefault;
        return new ServerWindow("Ollama", trained is { } t ? Math.Min(t, runtime) : runtime, numCtx is null ? "Ollama's default num_ctx" : "the Modelfile's num_ctx")
        {
            OllamaModelTokens = trained,
        };
    }

    private static JsonElement? Entry(JsonElement root, string model)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        JsonElement? first = null;
        foreach (var e in data.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
        {
            first ??= e;
            if (Str(e, "id") == model)
            {
                return e;
            }
        }

        return first;
    }

    private static async Task<JsonDocument?> GetAsync(HttpClient http, HttpMethod method, Uri uri, string? body, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(method, uri);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var text = await ErrorBody.ReadAsync(response.Content, TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
            return JsonDocument.Parse(text);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or IOException or OperationCanceledException or SovException)
        {
            return null;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n > 0 ? n : null;
}
