using System.Text.Json;

namespace Sov.TestKit.Model;

/// <summary>
/// What llama-server does with a request whose history carries a tool call it cannot parse (#16): every later
/// request fails with HTTP 500 and this message (common/chat.cpp, "Failed to parse tool call arguments as JSON").
/// </summary>
internal static class LlamaCppStrictness
{
    public static string? Refusal(string body)
    {
        using var doc = JsonDocument.Parse(body);
        if (!doc.RootElement.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var message in messages.EnumerateArray())
        {
            if (!message.TryGetProperty("tool_calls", out var calls) || calls.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var call in calls.EnumerateArray())
            {
                var arguments = call.GetProperty("function").GetProperty("arguments").GetString() ?? "";
                try
                {
                    using var parsed = JsonDocument.Parse(arguments);
                }
                catch (JsonException e)
                {
                    return JsonSerializer.Serialize(new
                    {
                        error = new { code = 500, message = "Failed to parse tool call arguments as JSON: [json.exception.parse_error.101] parse error: " + e.Message, type = "server_error" },
                    });
                }
            }
        }

        return null;
    }
}
