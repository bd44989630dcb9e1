using System.Text.Json;

namespace Sov.TestKit.RealServer;

/// <summary>
/// What llama-server said about one streamed chat answer: the prompt tokens it counted (<c>usage</c> when sov
/// asked for it, else <c>timings</c>), how many of them it read fresh (<c>timings.prompt_n</c>) and how many it
/// took from its cache (<c>timings.cache_n</c>), and the finish reason.
/// </summary>
public sealed record ServerFigures(int PromptTokens, int PromptN, int CacheN, string? FinishReason)
{
    /// <summary>The share of the prompt served from the cache.</summary>
    public double CacheShare => PromptTokens == 0 ? 0 : (double)CacheN / PromptTokens;

    /// <summary>Reads the SSE events (or a plain JSON answer) of one response; null when it carried no timings.</summary>
    public static ServerFigures? Parse(string response)
    {
        int? usage = null, promptN = null, cacheN = null;
        string? finish = null;
        foreach (var json in Payloads(response))
        {
            try
            {
                using var doc = JsonDocument.Parse(json);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (root.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object && u.TryGetProperty("prompt_tokens", out var pt))
                {
                    usage = pt.GetInt32();
                }

                if (root.TryGetProperty("timings", out var t) && t.ValueKind == JsonValueKind.Object)
                {
                    promptN = t.TryGetProperty("prompt_n", out var pn) ? pn.GetInt32() : promptN;
                    cacheN = t.TryGetProperty("cache_n", out var cn) ? cn.GetInt32() : cacheN;
                }

                if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
                {
                    foreach (var choice in choices.EnumerateArray())
                    {
                        if (choice.TryGetProperty("finish_reason", out var f) && f.ValueKind == JsonValueKind.String)
                        {
                            finish = f.GetString();
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // not JSON ([DONE], a partial line)
            }
        }

        if (promptN is null && usage is null)
        {
            return null;
        }

        var cached = cacheN ?? 0;
        return new ServerFigures(usage ?? (promptN!.Value + cached), promptN ?? 0, cached, finish);
    }

    private static IEnumerable<string> Payloads(string response)
    {
        var trimmed = response.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            yield return trimmed;
            yield break;
        }

        foreach (var line in response.Split('\n'))
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                yield return line[5..].Trim();
            }
        }
    }
}
