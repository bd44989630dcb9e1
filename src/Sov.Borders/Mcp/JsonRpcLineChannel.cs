using System.Collections.Concurrent;
using Sov.Borders.Mcp.Wire;
using Sov.Core.Tools.Mcp;

namespace Sov.Borders.Mcp;

/// <summary>
/// JSON-RPC over a pair of streams, one message a line (MCP's stdio transport). Lines are read with the cap
/// applied while reading (<see cref="McpLimits.MaxMessageBytes"/>) and dealt with one at a time, so a flood of
/// notifications waits in the server's own pipe; a line over the cap sets <see cref="Problem"/>, calls
/// <c>onBreach</c> (which ends the server) and fails every open request. A line that is not JSON, an answer to
/// no open request and a notification are skipped; the server's own requests are not taken up (Sovereign offers
/// servers no capabilities, and answering a flood of them would queue answers without end when the server does
/// not read its input), except a ping, answered only while nothing else is being written.
/// </summary>
internal sealed class JsonRpcLineChannel : IMcpChannel
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonRpcMessage>> _open = new();
    private readonly Stream _toServer;
    private readonly Action _onBreach;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private readonly Task _reading;
    private int _disposed;

    public JsonRpcLineChannel(Stream toServer, Stream fromServer, Action onBreach)
    {
        _toServer = toServer;
        _onBreach = onBreach;
        _reading = Task.Run(() => ReadAsync(fromServer));
    }

    public CancellationToken Closed => _closed.Token;

    public string? Problem { get; private set; }

    public async Task<JsonRpcMessage> RequestAsync(long id, string method, byte[] message, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<JsonRpcMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _open[id] = answer;
        try
        {
            if (_closed.IsCancellationRequested)
            {
                throw new McpProtocolException(Problem ?? "the server ended");
            }

            await WriteAsync(message, cancellationToken).ConfigureAwait(false);
            return await answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _open.TryRemove(id, out _);
        }
    }

    public Task NotifyAsync(byte[] message, CancellationToken cancellationToken) => WriteAsync(message, cancellationToken);

    /// <summary>Ends the server's input (a well-behaved server exits), then waits a moment for the reader.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        CloseInput();
        await WaitReaderAsync().ConfigureAwait(false);
        _writing.Dispose();
        _closed.Dispose();
    }

    /// <summary>Closes the server's input without waiting.</summary>
    public void CloseInput()
    {
        try
        {
            _toServer.Dispose();
        }
        catch (IOException)
        {
            // the server already went away
        }
    }

    /// <summary>Stops reading (the server ended or was ended) and waits a moment for the reader to finish.</summary>
    public async Task WaitReaderAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        try
        {
            await _reading.WaitAsync(Grace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // a child that left the server's tree may hold the pipe; it is not waited for
        }
    }

    private async Task WriteAsync(byte[] message, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _toServer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            await _toServer.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            await _toServer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // CI stop 24: a server that exited is "the server ended", whichever of its pipes says so first
            throw new McpProtocolException(Problem ?? "the server ended");
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task ReadAsync(Stream fromServer)
    {
        var reader = new BoundedLineReader(fromServer, McpLimits.MaxMessageBytes);
        Exception? error = null;
        try
        {
            while (await reader.ReadLineAsync(_closed.Token).ConfigureAwait(false) is { } line)
            {
                if (JsonRpcFraming.Parse(line.Span) is { } message)
                {
                    Take(message);
                }
            }
        }
        catch (McpMessageTooLargeException e)
        {
            Problem = e.Message;
            error = e;
            _onBreach();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            error = e;
        }
        finally
        {
            await CloseAsync().ConfigureAwait(false);
            foreach (var id in _open.Keys)
            {
                if (_open.TryRemove(id, out var open))
                {
                    open.TrySetException(error as McpMessageTooLargeException ?? (Exception)new McpProtocolException("the server ended"));
                }
            }
        }
    }

    private void Take(JsonRpcMessage message)
    {
        if (message.IsResponse)
        {
            foreach (var (id, open) in _open)
            {
                if (message.Answers(id) && _open.TryRemove(id, out _))
                {
                    open.TrySetResult(message);
                    return;
                }
            }
        }
        else if (message.IsRequest && message.Method == "ping" && _writing.Wait(0))
        {
            _ = AnswerAsync(JsonRpcFraming.EmptyResult(message.Id!.Value));
        }
    }

    /// <summary>Writes an answer the writer's lock is already held for, in the background, and releases the lock.</summary>
    private async Task AnswerAsync(byte[] answer)
    {
        try
        {
            await _toServer.WriteAsync(answer, _closed.Token).ConfigureAwait(false);
            await _toServer.WriteAsync("\n"u8.ToArray(), _closed.Token).ConfigureAwait(false);
            await _toServer.FlushAsync(_closed.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // the server went away; the reader says so
        }
        finally
        {
            try
            {
                _writing.Release();
            }
            catch (ObjectDisposedException)
            {
                // the channel was disposed while the answer was written
            }
        }
    }

    /// <summary>Signals <see cref="Closed"/>; a reader that outlived disposal finds the signal already gone.</summary>
    private async Task CloseAsync()
    {
        try
        {
            await _closed.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
