using System.Text.Json;

namespace Sov.Cli.Acp.Wire;

/// <summary>Any JSON-RPC 2.0 message the editor sends: a request (method and id), a notification (method only) or a response to one of ours (id with result or error). Everything in it is untrusted.</summary>
internal sealed record RpcMessage(string? Jsonrpc, JsonElement? Id, string? Method, JsonElement? Params, JsonElement? Result, RpcError? Error);
