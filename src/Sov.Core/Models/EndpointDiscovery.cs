namespace Sov.Core.Models;

/// <summary>
/// When no endpoint is configured: probe the usual local servers on loopback only (Ollama 11434,
/// vLLM 8000, llama.cpp 8080, LM Studio 1234) and take the first that lists its models, in that order.
/// Never anything but 127.0.0.1.
/// </summary>
public static class EndpointDiscovery
{
    public static IReadOnlyList<(string Server, Uri BaseUrl)> Candidates { get; } =
    [
        ("Ollama", new Uri("http://127.0.0.1:11434/v1")),
        ("vLLM", new Uri("http://127.0.0.1:8000/v1")),
        ("llama.cpp", new Uri("http://127.0.0.1:8080/v1")),
        ("LM Studio", new Uri("http://127.0.0.1:1234/v1")),
    ];

    /// <summary>The HttpClient must allow exactly the candidates' origins.</summary>
    public static Task<(string Server, Uri BaseUrl, IReadOnlyList<string> Models)?> DiscoverAsync(
        HttpClient http, TimeSpan timeout, CancellationToken cancellationToken) =>
        DiscoverAsync(http, Candidates, timeout, cancellationToken);

    /// <summary>Probes the given candidates at once; the first in list order that answers wins.</summary>
    public static async Task<(string Server, Uri BaseUrl, IReadOnlyList<string> Models)?> DiscoverAsync(
        HttpClient http, IReadOnlyList<(string Server, Uri BaseUrl)> candidates, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(candidates);
        var probes = candidates
            .Select(c => ModelCatalog.TryListAsync(http, c.BaseUrl, timeout, cancellationToken))
            .ToList();
        for (var i = 0; i < probes.Count; i++)
        {
            if (await probes[i].ConfigureAwait(false) is { } models)
            {
                return (candidates[i].Server, candidates[i].BaseUrl, models);
            }
        }

        return null;
    }
}
