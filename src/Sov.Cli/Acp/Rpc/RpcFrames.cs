using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sov.Cli.Acp.Rpc;

/// <summary>
/// JSON-RPC 2.0 messages as bytes, one message each (no newline), written with <see cref="Utf8JsonWriter"/>'s default
/// encoder and source-generated serialisers: every character outside printable ASCII is an escape, so what reaches
/// stdout is inert ASCII whatever the model wrote.
/// </summary>
internal static class RpcFrames
{
    public static byte[] Request<T>(long id, string method, T parameters, JsonTypeInfo<T> info) =>
        Write(w =>
        {
            w.WriteNumber("id", id);
            w.WriteString("method", method);
            w.WritePropertyName("params");
            JsonSerializer.Serialize(w, parameters, info);
        });

    public static byte[] Notification<T>(string method, T parameters, JsonTypeInfo<T> info) =>
        Write(w =>
        {
            w.WriteString("method", method);
            w.WritePropertyName("params");
            JsonSerializer.Serialize(w, parameters, info);
        });

    /// <summary>The answer to request <paramref name="id"/>; <paramref name="result"/> is one serialised JSON value.</summary>
    public static byte[] Result(JsonElement id, byte[] result) =>
        Write(w =>
        {
            w.WritePropertyName("id");
            id.WriteTo(w);
            w.WritePropertyName("result");
            w.WriteRawValue(result, skipInputValidation: true);
        });

    /// <summary>An error answer; <paramref name="id"/> null when the request's id could not be read.</summary>
    public static byte[] Error(JsonElement? id, int code, string message) =>
        Write(w =>
        {
            w.WritePropertyName("id");
            if (id is { } known)
            {
                known.WriteTo(w);
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteStartObject("error");
            w.WriteNumber("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
        });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
