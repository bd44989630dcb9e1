using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sov.Core.JsonRpc;

/// <summary>
/// JSON-RPC 2.0 messages as bytes, one message each (no newline), for both of Sovereign's JSON-RPC peers: the MCP
/// client (Sov.Borders) and the ACP agent (<c>sov acp</c>). Written with <see cref="Utf8JsonWriter"/>'s default encoder
/// and source-generated serialisers: every character outside printable ASCII is an escape.
/// </summary>
public static class JsonRpcEnvelope
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

    /// <summary>The object <c>{"jsonrpc":"2.0", …}</c> with what <paramref name="body"/> writes after the version.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        ArgumentNullException.ThrowIfNull(body);
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
