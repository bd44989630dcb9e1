using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sov.TestKit.RealServer;

/// <summary>
/// What the <see cref="SteeringProxy"/> makes the tiny random model answer to one chat request (#16). The
/// request goes to the real llama-server with the assistant turn prefilled (llama.cpp continues a final
/// assistant message) and a logit bias: the server renders it with the real template, streams it, and its
/// real tool-call parser turns a prefilled <c>&lt;tool_call&gt;</c> into native <c>tool_calls</c>.
/// </summary>
public sealed record Steer
{
    /// <summary>Qwen2.5's end of turn (the model's end-of-generation token).</summary>
    public const int EndOfTurnToken = 151645;

    /// <summary>Qwen2's end of text.</summary>
    public const int EndOfTextToken = 151643;

    /// <summary>Qwen2.5's <c>&lt;tool_call&gt;</c> (kept out of gibberish, so it never starts a call by chance).</summary>
    public const int ToolCallToken = 151657;

    /// <summary>The assistant text the turn starts with; null leaves the turn to the model.</summary>
    public string? Prefill { get; init; }

    /// <summary>End the turn right after the prefill (end of turn forced as the next token).</summary>
    public bool EndAfterPrefill { get; init; }

    /// <summary>Let the model write gibberish until this many tokens, never ending by itself (finish_reason "length").</summary>
    public int? TruncateAfter { get; init; }

    /// <summary>Sends the request as sov wrote it.</summary>
    public static Steer Untouched { get; } = new();

    /// <summary>An empty answer: the turn ends at once, the prompt is exactly sov's.</summary>
    public static Steer EndAtOnce { get; } = new() { EndAfterPrefill = true };

    /// <summary>A native tool call, as Qwen2.5 writes one and the template renders it back.</summary>
    public static Steer ToolCall(string name, string argumentsJson) =>
        Raw($"<tool_call>\n{{\"name\": {JsonSerializer.Serialize(name)}, \"arguments\": {TemplateJson.Format(argumentsJson)}}}\n</tool_call>");

    /// <summary>Any assistant text, e.g. a tool call whose arguments never close.</summary>
    public static Steer Raw(string text) => new() { Prefill = text, EndAfterPrefill = true };

    /// <summary>A plain answer.</summary>
    public static Steer Answer(string text) => Raw(text);

    /// <summary>Gibberish cut by the server's token limit.</summary>
    public static Steer Truncated(int maxTokens) => new() { TruncateAfter = maxTokens };

    /// <summary>The request to forward: sov's request with this steer applied.</summary>
    public string Apply(string requestBody)
    {
        if (this == Untouched)
        {
            return requestBody;
        }

        var body = JsonNode.Parse(requestBody)!.AsObject();
        if (Prefill is not null)
        {
            body["messages"]!.AsArray().Add(new JsonObject { ["role"] = "assistant", ["content"] = Prefill });
        }

        if (EndAfterPrefill)
        {
            body["logit_bias"] = new JsonArray(new JsonArray(EndOfTurnToken, 1000));
        }

        if (TruncateAfter is { } limit)
        {
            body["logit_bias"] = new JsonArray(new JsonArray(EndOfTurnToken, false), new JsonArray(EndOfTextToken, false), new JsonArray(ToolCallToken, false));
            body["max_tokens"] = limit;
        }

        return body.ToJsonString();
    }
}
