using System.Text.Json;

namespace Sov.Core.Models;

/// <summary>The message inside an error response body (OpenAI {"error":{"message"}}, or plain text), shortened.</summary>
internal static class ErrorBody
{
    /// <summary>The most of an error body read: enough for any message, never a server's whole dump.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>
    /// The start of an error response's body, read for at most <paramref name="patience"/>; what arrived so far
    /// when the connection broke or the server stalled mid-body (#13.4: nothing may wait forever).
    /// </summary>
    public static async Task<string> ReadAsync(HttpContent content, TimeSpan patience, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBytes];
        var total = 0;
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stalled.CancelAfter(Seconds.Timer(patience));
        try
        {
            var stream = await content.ReadAsStreamAsync(stalled.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), stalled.Token).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // keep what arrived
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }

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

    /// <summary>
    /// Whether a server's message says the input is longer than the model's context, in any engine's words:
    /// OpenAI and vLLM ("maximum context length", "context_length_exceeded", "maximum model length"), Ollama
    /// ("input length exceeds the context length", "exceeds context length"), llama.cpp ("exceeds the available
    /// context size", "exceed_context_size_error"), SGLang, LM Studio, TGI (#13.8).
    /// </summary>
    public static bool IsContextLength(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var m = message.ToLowerInvariant();
        string[] phrases =
        [
            "context length", "context_length", "maximum context", "context window", "context size", "context_size",
            "exceeds the available context", "exceeds context", "maximum model length", "max_model_len", "model length",
            "too many tokens", "prompt is too long", "prompt too long", "input is too long", "n_ctx",
        ];
        return phrases.Any(p => m.Contains(p, StringComparison.Ordinal))
            || (m.Contains("tokens", StringComparison.Ordinal) && m.Contains("must be <=", StringComparison.Ordinal));
    }
}
