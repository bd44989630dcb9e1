using System.Text.Json;

namespace Sov.Core.Models;

/// <summary>The message inside an error response body (OpenAI {"error":{"message"}}, or plain text), shortened.</summary>
internal static class ErrorBody
{
    public static string Message(string body)
    {
        var text = body.Trim();
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                text = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.ToString() : error.ToString();
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var m))
            {
                text = m.ToString();
            }
        }
        catch (JsonException)
        {
            // plain text body
        }

        text = text.ReplaceLineEndings(" ");
        return text.Length > 300 ? text[..300] + "..." : text;
    }

    public static bool IsContextLength(string message)
    {
        var m = message.ToLowerInvariant();
        return m.Contains("context length", StringComparison.Ordinal)
            || m.Contains("context_length", StringComparison.Ordinal)
            || m.Contains("maximum context", StringComparison.Ordinal)
            || m.Contains("context window", StringComparison.Ordinal)
            || m.Contains("exceeds the available context", StringComparison.Ordinal)
            || (m.Contains("too many tokens", StringComparison.Ordinal));
    }
}
