using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Sov.Core.Tools.Mcp;

namespace Sov.Borders.Mcp;

/// <summary>
/// One running stdio server as the SDK's transport: JSON-RPC messages, one a line, read with the caps applied
/// while reading (<see cref="McpLimits.MaxMessageBytes"/> a line, <see cref="McpLimits.MaxQueuedMessages"/>
/// read ahead, so a flood of notifications waits in the server's own pipe). A server that breaks a cap is
/// ended with its process tree and <see cref="Problem"/> says why; its own requests are not taken up
/// (<see cref="Ignored"/>). Its stderr is read and dropped: nothing it
/// writes reaches the terminal. Disposing closes its stdin, then ends it if it has not exited within a moment.
/// </summary>
internal sealed class McpStdioSession : ITransport
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);
    private static readonly JsonTypeInfo<JsonRpcMessage> Json = (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    private readonly Channel<JsonRpcMessage> _messages = Channel.CreateBounded<JsonRpcMessage>(
        new BoundedChannelOptions(McpLimits.MaxQueuedMessages) { SingleWriter = true, SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Process _process;
    private readonly Stream _input;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private readonly Task _reading;
    private readonly Task _draining;
    private int _disposed;

    public McpStdioSession(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _reading = Task.Run(ReadAsync);
        _draining = Task.Run(() => DrainAsync(process.StandardError.BaseStream));
    }

    /// <summary>None: a stdio server has one session.</summary>
    public string? SessionId => null;

    public ChannelReader<JsonRpcMessage> MessageReader => _messages.Reader;

    /// <summary>Why the server was disconnected, when it broke a cap; null otherwise.</summary>
    public string? Problem { get; private set; }

    /// <summary>Cancelled when the server's output ends, for whatever reason.</summary>
    public CancellationToken Closed => _closed.Token;

    public async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _input.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await _input.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            await _input.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            _input.Dispose(); // end of input: a well-behaved server exits
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(Grace).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or TimeoutException)
        {
            End();
        }

        await CloseAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_reading, _draining).WaitAsync(Grace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // a child that left the sandboxless server's tree may hold the pipes; it is not waited for
        }

        _process.Dispose();
        _writing.Dispose();
        _closed.Dispose();
    }

    private async Task ReadAsync()
    {
        var reader = new BoundedLineReader(_process.StandardOutput.BaseStream, McpLimits.MaxMessageBytes);
        Exception? error = null;
        try
        {
            while (await reader.ReadLineAsync(_closed.Token).ConfigureAwait(false) is { } line)
            {
                if (Parse(line.Span) is { } message && !Ignored(message))
                {
                    await _messages.Writer.WriteAsync(message, _closed.Token).ConfigureAwait(false);
                }
            }
        }
        catch (McpMessageTooLargeException e)
        {
            Problem = e.Message;
            error = e;
            End();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            error = _closed.IsCancellationRequested ? null : e;
        }
        finally
        {
            _messages.Writer.TryComplete(error);
            await CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A request from the server is not taken up: Sovereign offers servers no capabilities (no sampling, roots
    /// or elicitation), and answering a flood of them would queue answers without end when the server does
    /// not read its input. A ping is answered only while nothing else is being written.
    /// </summary>
    private bool Ignored(JsonRpcMessage message) =>
        message is JsonRpcRequest request && !(request.Method == RequestMethods.Ping && _writing.CurrentCount > 0);

    /// <summary>A line that is not a JSON-RPC message is skipped, as the SDK's own transport does.</summary>
    private static JsonRpcMessage? Parse(ReadOnlySpan<byte> line)
    {
        if (line.Trim(" \t\r"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task DrainAsync(Stream stderr)
    {
        var buffer = new byte[8192];
        try
        {
            while (await stderr.ReadAsync(buffer).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
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

    private void End()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }
}
