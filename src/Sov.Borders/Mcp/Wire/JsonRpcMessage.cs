using System.Text.Json;

namespace Sov.Borders.Mcp.Wire;

/// <summary>
/// Any JSON-RPC 2.0 message a server sends: a response (<see cref="Id"/> with <see cref="Result"/> or
/// <see cref="Error"/>), a request of its own (<see cref="Method"/> and <see cref="Id"/>) or a notification
/// (<see cref="Method"/> only). Everything in it is untrusted.
/// </summary>
internal sealed record JsonRpcMessage(string? Jsonrpc, JsonElement? Id, string? Method, JsonElement? Result, JsonRpcError? Error)
{
    public bool IsResponse => Method is null && Id is not null;

    public bool IsRequest => Method is not null && Id is not null;

    /// <summary>Whether this answers request <paramref name="id"/> (our ids are numbers; a server may echo one as a string).</summary>
    public bool Answers(long id) => IsResponse && Id!.Value.ValueKind switch
    {
        JsonValueKind.Number => Id.Value.TryGetInt64(out var n) && n == id,
        JsonValueKind.String => Id.Value.GetString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => false,
    };
}
