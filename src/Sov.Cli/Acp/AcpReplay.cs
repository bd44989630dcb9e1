using System.Text.Json;
using Microsoft.Extensions.AI;
using Sov.Cli.Acp.Rpc;
using Sov.Cli.Acp.Wire;
using Sov.Core.Agent.Events;

namespace Sov.Cli.Acp;

/// <summary>
/// <c>session/load</c>: the saved conversation replayed as <c>session/update</c>s before the answer, in order: the
/// person's messages as user chunks, the model's text as agent chunks, each tool call (finished) with its output.
/// Everything passes the text border on the way (<see cref="AcpUpdates"/>).
/// </summary>
internal static class AcpReplay
{
    public static async Task SendAsync(string sessionId, IReadOnlyList<ChatMessage> history, AcpUpdates updates, RpcConnection connection,
        CancellationToken cancellationToken)
    {
        foreach (var message in history)
        {
            foreach (var update in Of(message, updates))
            {
                await connection.NotifyAsync("session/update", new SessionNotification(sessionId, update), AcpJson.Default.SessionNotification, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
    }

    private static IEnumerable<SessionUpdate> Of(ChatMessage message, AcpUpdates updates)
    {
        if (message.Role == ChatRole.User && message.Text.Length > 0)
        {
            yield return new UserMessageChunk(new ContentBlock("text", Core.Text.TerminalText.Safe(message.Text)));
            yield break;
        }

        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent { Text.Length: > 0 } text when message.Role == ChatRole.Assistant:
                    foreach (var update in updates.Of(new AssistantDelta(text.Text)))
                    {
                        yield return update;
                    }

                    break;
                case FunctionCallContent call:
                    var arguments = Json(call.Arguments);
                    yield return updates.Started(new ToolCallRequested(call.CallId, call.Name, arguments, "history")) with { Status = "completed", Content = null };
                    break;
                case FunctionResultContent result:
                    foreach (var update in updates.Of(new ToolResult(result.CallId, "", result.Result?.ToString() ?? "", false)))
                    {
                        yield return update;
                    }

                    break;
            }
        }
    }

    /// <summary>Saved arguments back as the JSON text the model sent (values read from the file are JSON elements).</summary>
    private static string Json(IDictionary<string, object?>? arguments)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (name, value) in arguments ?? new Dictionary<string, object?>())
            {
                w.WritePropertyName(name);
                switch (value)
                {
                    case JsonElement element:
                        element.WriteTo(w);
                        break;
                    case null:
                        w.WriteNullValue();
                        break;
                    default:
                        w.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                }
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
