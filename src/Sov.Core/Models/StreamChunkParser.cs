using System.Text.Json;

namespace Sov.Core.Models;

/// <summary>
/// Parses one SSE data payload of an OpenAI-compatible stream. Reasoning arrives as
/// <c>reasoning_content</c> (vLLM, SGLang, DeepSeek, llama.cpp) or <c>reasoning</c> (Ollama, LM Studio).
/// An <c>error</c> object in the stream, or vLLM's <c>{"object": "error", "message": …}</c>, becomes <see cref="StreamChunk.ErrorMessage"/>.
/// </summary>
public static class StreamChunkParser
{
    public static StreamChunk Parse(string data)
    {
        using var doc = JsonDocument.Parse(data);
        var root = doc.RootElement;
        var chunk = new StreamChunk();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("a stream event is not a JSON object");
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            chunk.ErrorMessage = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m)
                ? m.ToString()
                : error.ToString();
            return chunk;
        }

        if (String(root, "object") == "error")
        {
            // vLLM's ErrorResponse, sent as an event of its own by older releases (#16).
            chunk.ErrorMessage = String(root, "message") ?? root.GetRawText();
            return chunk;
        }

        chunk.ResponseId = String(root, "id");
        chunk.Model = String(root, "model");
        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            chunk.InputTokens = Long(usage, "prompt_tokens");
            chunk.OutputTokens = Long(usage, "completion_tokens");
            chunk.TotalTokens = Long(usage, "total_tokens");
        }

        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
        {
            return chunk;
        }

        var choice = choices[0];
        chunk.FinishReason = String(choice, "finish_reason");
        if (!choice.TryGetProperty("delta", out var delta) || delta.ValueKind != JsonValueKind.Object)
        {
            // Some servers send a final non-delta "message" object instead.
            if (!choice.TryGetProperty("message", out delta) || delta.ValueKind != JsonValueKind.Object)
            {
                return chunk;
            }
        }

        chunk.Content = String(delta, "content");
        chunk.Reasoning = String(delta, "reasoning_content") ?? String(delta, "reasoning");
        if (delta.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
        {
            var position = 0;
            foreach (var call in calls.EnumerateArray())
            {
                var index = call.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : position;
                position++;
                string? name = null;
                string? arguments = null;
                if (call.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object)
                {
                    name = String(function, "name");
                    if (function.TryGetProperty("arguments", out var a))
                    {
                        // A string as the format says; some servers send the object itself.
                        arguments = a.ValueKind switch
                        {
                            JsonValueKind.String => a.GetString(),
                            JsonValueKind.Null => null,
                            _ => a.GetRawText(),
                        };
                    }
                }

                chunk.ToolCalls.Add((index, String(call, "id"), name, arguments));
            }
        }

        return chunk;
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) ? l : null;
}
