using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sov.Borders.Mcp;
using Sov.Cli.Acp.Wire;
using Sov.Core;
using Sov.Core.JsonRpc;

namespace Sov.Cli.Acp.Rpc;

/// <summary>
/// JSON-RPC 2.0 over a pair of streams, one message a line (ACP's stdio transport), from the agent's side. Lines are
/// read with a cap applied while reading (<see cref="BoundedLineReader"/>, the MCP client's); each request the editor
/// sends is handled on its own task (a prompt runs while cancel and permission answers come in) and answered with its
/// result or the protocol's error; a line that is not JSON gets a parse error (-32700), one that is not a request an
/// invalid-request error (-32600), and reading goes on. The agent's own requests (a permission question) wait for
/// the editor's answer. Writes are serialised, one line each, and carry ASCII JSON only.
/// </summary>
internal sealed class RpcConnection(Stream input, Stream output, IRpcHandler handler) : IAsyncDisposable
{
    /// <summary>The longest line read: a prompt with an image fits; more ends the connection.</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    private readonly ConcurrentDictionary<long, TaskCompletionSource<RpcMessage>> _open = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private long _nextId;

    /// <summary>Reads and serves until the editor closes its end (or <paramref name="cancellationToken"/>); then fails the agent's open requests.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = new BoundedLineReader(input, MaxMessageBytes);
        try
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (!line.Span.Trim(" \t\r"u8).IsEmpty)
                {
                    await TakeAsync(line, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            foreach (var id in _open.Keys)
            {
                if (_open.TryRemove(id, out var open))
                {
                    open.TrySetCanceled(CancellationToken.None);
                }
            }
        }
    }

    /// <summary>Sends a notification (<c>session/update</c>).</summary>
    public Task NotifyAsync<T>(string method, T parameters, JsonTypeInfo<T> info, CancellationToken cancellationToken) =>
        WriteAsync(JsonRpcEnvelope.Notification(method, parameters, info), cancellationToken);

    /// <summary>Asks the editor (<c>session/request_permission</c>) and returns its result; its error as <see cref="RpcException"/>.</summary>
    public async Task<TResult> RequestAsync<T, TResult>(string method, T parameters, JsonTypeInfo<T> info, JsonTypeInfo<TResult> resultInfo,
        CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<RpcMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _open[id] = answer;
        try
        {
            await WriteAsync(JsonRpcEnvelope.Request(id, method, parameters, info), cancellationToken).ConfigureAwait(false);
            var message = await answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (message.Error is { } error)
            {
                throw new RpcException(error.Code, error.Message);
            }

            try
            {
                return message.Result is { ValueKind: JsonValueKind.Object } result && result.Deserialize(resultInfo) is { } value
                    ? value
                    : throw new RpcException(RpcCodes.InvalidParams, $"the editor's answer to {method} has no result");
            }
            catch (JsonException)
            {
                throw new RpcException(RpcCodes.InvalidParams, $"the editor's answer to {method} is not a valid result");
            }
        }
        finally
        {
            _open.TryRemove(id, out _);
        }
    }

    /// <summary>Waits (a bounded time) for the requests still being handled.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // a handler still waiting on the model: its session is disposed after this
        }

        _writing.Dispose();
    }

    private async Task TakeAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        RpcMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(line.Span, AcpJson.Default.RpcMessage);
        }
        catch (JsonException)
        {
            // JSON of another shape (an array, a method that is a number) is an invalid request; anything else a parse error.
            await WriteAsync(IsJson(line)
                ? RpcFrames.Error(null, RpcCodes.InvalidRequest, "Invalid request: not a JSON-RPC 2.0 request, notification or response")
                : RpcFrames.Error(null, RpcCodes.ParseError, "Parse error: the line is not JSON"), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (message is null || message.Jsonrpc != "2.0" || (message.Method is null && message.Id is null)
            || message.Id is { ValueKind: not (JsonValueKind.String or JsonValueKind.Number) })
        {
            await WriteAsync(RpcFrames.Error(null, RpcCodes.InvalidRequest, "Invalid request: not a JSON-RPC 2.0 request, notification or response"), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        if (message.Method is null)
        {
            if (message.Id is { ValueKind: JsonValueKind.Number } id && id.TryGetInt64(out var n) && _open.TryRemove(n, out var open))
            {
                open.TrySetResult(message);
            }

            return;
        }

        var work = Task.Run(() => ServeAsync(message, cancellationToken), CancellationToken.None);
        _running[work] = true;
        _ = work.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static bool IsJson(ReadOnlyMemory<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task ServeAsync(RpcMessage message, CancellationToken cancellationToken)
    {
        byte[]? answer;
        try
        {
            var result = await handler.HandleAsync(message.Method!, message.Params, message.Id is null, cancellationToken).ConfigureAwait(false);
            answer = message.Id is { } id ? RpcFrames.Result(id, result) : null;
        }
        catch (RpcException e)
        {
            answer = message.Id is { } id ? RpcFrames.Error(id, e.Code, e.Message) : null;
        }
        catch (JsonException)
        {
            answer = message.Id is { } id ? RpcFrames.Error(id, RpcCodes.InvalidParams, $"Invalid params for {message.Method}") : null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (SovException e)
        {
            answer = message.Id is { } id ? RpcFrames.Error(id, RpcCodes.InternalError, $"{e.Message} {e.Remedy}") : null;
        }
#pragma warning disable CA1031 // One request failing is answered with the protocol's internal error; the agent keeps serving.
        catch (Exception e)
#pragma warning restore CA1031
        {
            answer = message.Id is { } id ? RpcFrames.Error(id, RpcCodes.InternalError, "Internal error: " + PlainErrors.Describe(e)) : null;
        }

        if (answer is not null)
        {
            await WriteAsync(answer, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(byte[] message, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await output.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            await output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // the editor went away: reading ends too
        }
        finally
        {
            _writing.Release();
        }
    }
}
