using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sov.Borders.Mcp.Wire;
using Sov.Core.JsonRpc;

namespace Sov.Borders.Mcp;

/// <summary>
/// JSON-RPC 2.0 messages as bytes, one message each (no trailing newline): written with
/// <see cref="Utf8JsonWriter"/> and source-generated serialisers, read leniently (a line that is not one JSON
/// object is skipped, not fatal) and answered strictly (an error or a malformed result is an exception).
/// </summary>
internal static class JsonRpcFraming
{
    public static byte[] Request<T>(long id, string method, T parameters, JsonTypeInfo<T> info) => JsonRpcEnvelope.Request(id, method, parameters, info);

    public static byte[] Notification(string method) => JsonRpcEnvelope.Write(w => w.WriteString("method", method));

    /// <summary>An empty result answering the server's request <paramref name="id"/> (a ping).</summary>
    public static byte[] EmptyResult(JsonElement id) =>
        JsonRpcEnvelope.Write(w =>
        {
            w.WritePropertyName("id");
            id.WriteTo(w);
            w.WriteStartObject("result");
            w.WriteEndObject();
        });

    /// <summary>The message on one line, or null when it is blank or not a JSON object.</summary>
    public static JsonRpcMessage? Parse(ReadOnlySpan<byte> line)
    {
        if (line.Trim(" \t\r"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(line, McpJson.Default.JsonRpcMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The result of <paramref name="answer"/> to <paramref name="method"/>; the server's error as <see cref="McpRpcException"/>.</summary>
    public static T Result<T>(JsonRpcMessage answer, string method, JsonTypeInfo<T> info)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Error is { } error)
        {
            throw new McpRpcException(error.Code, error.Message ?? "(no message)");
        }

        try
        {
            return answer.Result is { ValueKind: JsonValueKind.Object } result && result.Deserialize(info) is { } value
                ? value
                : throw new McpProtocolException($"the server's answer to {method} has no result");
        }
        catch (JsonException)
        {
            throw new McpProtocolException($"the server's answer to {method} is not a valid result");
        }
    }
}
