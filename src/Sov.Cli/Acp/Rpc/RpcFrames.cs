using System.Text.Json;
using Sov.Core.JsonRpc;

namespace Sov.Cli.Acp.Rpc;

/// <summary>
/// The agent's JSON-RPC 2.0 answers as bytes (<see cref="JsonRpcEnvelope"/>, shared with the MCP client): every character
/// outside printable ASCII is an escape, so what reaches stdout is inert ASCII whatever the model wrote.
/// </summary>
internal static class RpcFrames
{
    /// <summary>The answer to request <paramref name="id"/>; <paramref name="result"/> is one serialised JSON value.</summary>
    public static byte[] Result(JsonElement id, byte[] result) =>
        JsonRpcEnvelope.Write(w =>
        {
            w.WritePropertyName("id");
            id.WriteTo(w);
            w.WritePropertyName("result");
            w.WriteRawValue(result, skipInputValidation: true);
        });

    /// <summary>An error answer; <paramref name="id"/> null when the request's id could not be read.</summary>
    public static byte[] Error(JsonElement? id, int code, string message) =>
        JsonRpcEnvelope.Write(w =>
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
}
