using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sov.Cli.Acp.Rpc;
using Sov.Cli.Acp.Wire;
using Sov.Core;

namespace Sov.Cli.Acp;

/// <summary>
/// Sovereign as an ACP agent: serves <c>initialize</c> (version 1), <c>authenticate</c> (nothing to do: the endpoint is
/// the user's config), <c>session/new</c>, <c>session/load</c>, <c>session/prompt</c>, <c>session/cancel</c> and
/// <c>session/set_mode</c>; any other method is the protocol's method-not-found. Sessions are opened by
/// <see cref="AcpSessions"/>; nothing the editor sends widens permissions or endpoints.
/// </summary>
internal sealed class AcpAgent(AcpSessions opener) : IRpcHandler, IAsyncDisposable
{
    /// <summary>The ACP version Sovereign speaks.</summary>
    public const int ProtocolVersion = 1;

    private readonly ConcurrentDictionary<string, AcpSession> _sessions = new(StringComparer.Ordinal);

    public async Task<byte[]> HandleAsync(string method, JsonElement? parameters, bool notification, CancellationToken cancellationToken)
    {
        switch (method)
        {
            case "initialize":
                var init = Read(parameters, AcpJson.Default.InitializeParams);
                opener.Client = init.ClientCapabilities;
                return Bytes(new InitializeResult(ProtocolVersion,
                    new AgentCapabilities(LoadSession: true, new PromptCapabilities(Image: false, Audio: false, EmbeddedContext: true), new McpCapabilities(Http: false, Sse: false)),
                    new Implementation("sovereign", "Sovereign", VersionInfo.Version), []), AcpJson.Default.InitializeResult);
            case "authenticate":
                return Bytes(new EmptyResult(), AcpJson.Default.EmptyResult);
            case "session/new":
                var created = await OpenAsync(Read(parameters, AcpJson.Default.NewSessionParams), load: false, cancellationToken).ConfigureAwait(false);
                return Bytes(new NewSessionResult(created.Id, created.Modes), AcpJson.Default.NewSessionResult);
            case "session/load":
                var loaded = await OpenAsync(Read(parameters, AcpJson.Default.NewSessionParams), load: true, cancellationToken).ConfigureAwait(false);
                return Bytes(new LoadSessionResult(loaded.Modes), AcpJson.Default.LoadSessionResult);
            case "session/prompt":
                var prompt = Read(parameters, AcpJson.Default.PromptParams);
                var text = AcpPrompt.Text(prompt.Prompt);
                var result = await Find(prompt.SessionId).PromptAsync(text, cancellationToken).ConfigureAwait(false);
                return Bytes(result, AcpJson.Default.PromptResult);
            case "session/cancel":
                Find(Read(parameters, AcpJson.Default.SessionRef).SessionId).Cancel();
                return [];
            case "session/set_mode":
                var mode = Read(parameters, AcpJson.Default.SetModeParams);
                var session = Find(mode.SessionId);
                if (session.SetMode(mode.ModeId ?? "") is { } refused)
                {
                    throw new RpcException(RpcCodes.InvalidParams, refused);
                }

                return Bytes(new EmptyResult(), AcpJson.Default.EmptyResult);
            default:
                throw new RpcException(RpcCodes.MethodNotFound, $"Method not found: {method}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions.Values)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        _sessions.Clear();
    }

    private async Task<AcpSession> OpenAsync(NewSessionParams request, bool load, CancellationToken cancellationToken)
    {
        if (load && request.SessionId is { } id && _sessions.TryRemove(id, out var open))
        {
            await open.DisposeAsync().ConfigureAwait(false); // loading a session already open here: reopened from its file
        }

        try
        {
            var session = await opener.OpenAsync(request, load, cancellationToken).ConfigureAwait(false);
            _sessions[session.Id] = session;
            return session;
        }
        catch (SovException e)
        {
            throw new RpcException(load && e.Message.StartsWith("No session", StringComparison.Ordinal) ? RpcCodes.ResourceNotFound : RpcCodes.InternalError,
                $"{e.Message} {e.Remedy}");
        }
    }

    private AcpSession Find(string? id) =>
        id is not null && _sessions.TryGetValue(id, out var session)
            ? session
            : throw new RpcException(RpcCodes.ResourceNotFound, $"Unknown session: {id ?? "(none given)"}. Start one with session/new or session/load.");

    private static T Read<T>(JsonElement? parameters, JsonTypeInfo<T> info) =>
        parameters is { ValueKind: JsonValueKind.Object } p && p.Deserialize(info) is { } value
            ? value
            : throw new RpcException(RpcCodes.InvalidParams, "Invalid params: an object is expected");

    private static byte[] Bytes<T>(T value, JsonTypeInfo<T> info) => JsonSerializer.SerializeToUtf8Bytes(value, info);
}
