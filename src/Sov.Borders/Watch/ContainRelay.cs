using System.Net.Sockets;
using Sov.Core.Watch;

namespace Sov.Borders.Watch;

/// <summary>
/// The only way out of a contained command's namespace: one unix socket per allowed endpoint, bound into the
/// namespace, on which Sovereign accepts and dials that endpoint and nothing else, telling the observer (the
/// journal) before it dials and when the connection ends. Bytes are relayed as they are (TLS stays end to end).
/// </summary>
public sealed class ContainRelay : IAsyncDisposable
{
    private readonly List<Socket> _listeners = [];
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly IRelayObserver _observer;

    private ContainRelay(IRelayObserver observer) => _observer = observer;

    /// <summary>The unix socket for endpoint <paramref name="index"/> in <paramref name="folder"/>.</summary>
    public static string SocketPath(string folder, int index) => Path.Combine(folder, $"{index}.sock");

    public static ContainRelay Start(IReadOnlyList<ContainEndpoint> endpoints, string folder, IRelayObserver observer)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var relay = new ContainRelay(observer);
        foreach (var endpoint in endpoints)
        {
            var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(SocketPath(folder, endpoint.Index)));
            listener.Listen(64);
            relay._listeners.Add(listener);
            relay._loops.Add(SocketPump.AcceptEachAsync(listener, (socket, token) => relay.CarryAsync(socket, endpoint, token), relay._stop.Token));
        }

        return relay;
    }

    private async Task CarryAsync(Socket inside, ContainEndpoint endpoint, CancellationToken token)
    {
        using var from = inside;
        _observer.Opening(endpoint.Destination);
        long sent = 0, received = 0;
        string? error = null;
        try
        {
            using var to = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await to.ConnectAsync(endpoint.Host, endpoint.Port, token).ConfigureAwait(false);
            var up = SocketPump.CopyAsync(from, to, token);
            var down = SocketPump.CopyAsync(to, from, token);
            sent = await up.ConfigureAwait(false);
            received = await down.ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            error = e.Message;
        }

        _observer.Closed(endpoint.Destination, sent, received, error);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stop.Dispose();
    }
}
