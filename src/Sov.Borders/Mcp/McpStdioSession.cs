using System.ComponentModel;
using System.Diagnostics;
using Sov.Borders.Mcp.Wire;

namespace Sov.Borders.Mcp;

/// <summary>
/// One running stdio server (already wrapped in its sandbox's command line, started through the process door's
/// start settings: argv, no shell, only the given environment), spoken to by a <see cref="JsonRpcLineChannel"/>.
/// A server that breaks the message cap is ended with its process tree. Its stderr is read and dropped: nothing
/// it writes reaches the terminal. Disposing closes its stdin, then ends it if it has not exited within a moment.
/// A server that exits is ended for the client too, even when something it started still holds its output open:
/// open and later requests fail ("the server ended") instead of waiting out their timeouts (CI stop 24).
/// </summary>
internal sealed class McpStdioSession : IMcpChannel
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly Process _process;
    private readonly JsonRpcLineChannel _channel;
    private readonly Task _draining;
    private int _disposed;

    private McpStdioSession(Process process)
    {
        _process = process;
        _channel = new JsonRpcLineChannel(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, End);
        _draining = Task.Run(() => DrainAsync(process.StandardError.BaseStream));
        _ = WatchExitAsync(process, _channel);
    }

    public CancellationToken Closed => _channel.Closed;

    public string? Problem => _channel.Problem;

    public static McpStdioSession Start(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new IOException($"{start.FileName} did not start ({Sov.Core.PlainErrors.Describe(e)})", e);
        }

        return new McpStdioSession(process);
    }

    public Task<JsonRpcMessage> RequestAsync(long id, string method, byte[] message, CancellationToken cancellationToken) =>
        _channel.RequestAsync(id, method, message, cancellationToken);

    public Task NotifyAsync(byte[] message, CancellationToken cancellationToken) => _channel.NotifyAsync(message, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            _channel.CloseInput(); // end of input: a well-behaved server exits
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(Grace).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or TimeoutException)
        {
            End();
        }

        await _channel.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _draining.WaitAsync(Grace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // a child that left the sandboxless server's tree may hold the pipe; it is not waited for
        }

        _process.Dispose();
    }

    /// <summary>Once the server has exited, its output gets <see cref="Grace"/> to end; then the channel is closed anyway.</summary>
    private static async Task WatchExitAsync(Process process, JsonRpcLineChannel channel)
    {
        var closed = channel.Closed;
        try
        {
            await process.WaitForExitAsync(closed).ConfigureAwait(false);
            await Task.Delay(Grace, closed).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or ObjectDisposedException)
        {
            return; // the channel closed first (its output ended, or the session was disposed)
        }

        await channel.WaitReaderAsync().ConfigureAwait(false);
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
