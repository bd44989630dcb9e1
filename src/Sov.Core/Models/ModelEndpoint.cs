namespace Sov.Core.Models;

/// <summary>
/// Where the model lives: an OpenAI-compatible base URL (".../v1"), the model name, and an optional
/// API key (read by the front door only from the variable the person named).
/// </summary>
public sealed record ModelEndpoint(Uri BaseUrl, string Model, string? ApiKey = null)
{
    /// <summary>POST target for chat completions.</summary>
    public Uri ChatCompletions => new(BaseUrl.AbsoluteUri.TrimEnd('/') + "/chat/completions");

    /// <summary>GET target listing the served models.</summary>
    public Uri Models => new(BaseUrl.AbsoluteUri.TrimEnd('/') + "/models");

    /// <summary>The scheme+host+port the egress gate must allow.</summary>
    public Uri Origin => new(BaseUrl.GetLeftPart(UriPartial.Authority));

    /// <summary>
    /// Parses a URL the person gave: http or https only; a bare "http://host:port" gets "/v1", which is
    /// where vLLM, SGLang, llama.cpp, Ollama and LM Studio all serve the OpenAI-compatible API.
    /// </summary>
    public static Uri ParseBaseUrl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new Config.ConfigException(
                $"The endpoint '{text}' is not an http(s) URL.",
                "Give the server's OpenAI-compatible base URL, for example --endpoint http://127.0.0.1:8000/v1");
        }

        Config.UrlCredentials.Refuse(uri, "endpoint");
        if (uri.AbsolutePath is "/" or "")
        {
            uri = new Uri(uri, "/v1");
        }

        return uri;
    }
}
