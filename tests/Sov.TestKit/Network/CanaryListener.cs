using System.Net;
using System.Net.Sockets;

namespace Sov.TestKit.Network;

/// <summary>
/// A TCP port on 127.0.0.1 that should never be contacted (a proxy nobody configured, a telemetry host):
/// it accepts, counts and closes every connection. <see cref="Connections"/> must stay zero.
/// </summary>
public sealed class CanaryListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;
    private int _disposed;

    public CanaryListener()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptAsync()
    {
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(token).ConfigureAwait(false);
                Interlocked.Increment(ref _connections);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
