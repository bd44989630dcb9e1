using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Sov.Core.Models;

/// <summary>
/// Writes the chat-completions request body by hand with <see cref="Utf8JsonWriter"/>: no reflection
/// (AOT), no defaults we did not choose, nothing but what the model needs. Reasoning is never sent back.
/// </summary>
public static class ChatRequestWriter
{
    public static byte[] Write(string model, IEnumerable<ChatMessage> messages, ChatOptions? options, ChatRequestShape? shape = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        shape ??= ChatRequestShape.Default;
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("model", options?.ModelId ?? model);
            w.WriteStartArray("messages");
            if (!string.IsNullOrEmpty(options?.Instructions))
            {
                w.WriteStartObject();
                w.WriteString("role", "system");
                w.WriteString("content", options.Instructions);
                w.WriteEndObject();
            }

            foreach (var message in messages)
            {
                WriteMessage(w, message, shape.StrictHistory);
            }

            w.WriteEndArray();
            var tools = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
            if (tools.Count > 0)
            {
                w.WriteStartArray("tools");
                foreach (var tool in tools)
                {
                    w.WriteStartObject();
                    w.WriteString("type", "function");
                    w.WriteStartObject("function");
                    w.WriteString("name", tool.Name);
                    w.WriteString("description", tool.Description);
                    w.WritePropertyName("parameters");
                    ToolSchemas.Write(w, tool.JsonSchema, shape.PlainSchemas);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (options?.Temperature is { } temperature)
            {
                w.WriteNumber("temperature", temperature);
            }

            if (options?.MaxOutputTokens is { } maxTokens)
            {
                w.WriteNumber("max_tokens", maxTokens);
            }

            if (shape.OllamaNumCtx is { } numCtx)
            {
                w.WriteStartObject("options");
                w.WriteNumber("num_ctx", numCtx);
                w.WriteEndObject();
            }

            w.WriteBoolean("stream", true);
            w.WriteStartObject("stream_options");
            w.WriteBoolean("include_usage", true);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteMessage(Utf8JsonWriter w, ChatMessage message, bool strict)
    {
        var results = message.Contents.OfType<FunctionResultContent>().ToList();
        if (results.Count > 0)
        {
            // One "tool" message per result, as the OpenAI format wants.
            foreach (var result in results)
            {
                w.WriteStartObject();
                w.WriteString("role", "tool");
                w.WriteString("tool_call_id", result.CallId);
                w.WriteString("content", Convert.ToString(result.Result, CultureInfo.InvariantCulture) ?? "");
                w.WriteEndObject();
            }

            return;
        }

        w.WriteStartObject();
        w.WriteString("role", message.Role.Value);
        var text = string.Concat(message.Contents.OfType<TextContent>().Select(t => t.Text));
        var calls = message.Contents.OfType<FunctionCallContent>().ToList();
        if (ImageParts.Has(message))
        {
            ImageParts.Write(w, message); // text and image parts; a message without an image keeps its plain string content
        }
        else if (calls.Count > 0 && text.Length == 0 && !strict)
        {
            w.WriteNull("content");
        }
        else
        {
            w.WriteString("content", text);
        }

        if (calls.Count > 0)
        {
            w.WriteStartArray("tool_calls");
            foreach (var call in calls)
            {
                w.WriteStartObject();
                w.WriteString("id", call.CallId);
                w.WriteString("type", "function");
                w.WriteStartObject("function");
                w.WriteString("name", call.Name);
                // Always one valid JSON object, whatever the model streamed (#16: strict servers parse the history).
                w.WriteString("arguments", ToolCallArguments.ForHistory(RawArguments.Get(call) ?? ToolCallArguments.Serialize(call.Arguments), strict));
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
