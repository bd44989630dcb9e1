using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Globalization;

namespace Sov.Borders.Watch;

/// <summary>
/// Sovereign's half inside a contained namespace (<c>sov watch --relay-inside ADDRESS:PORT=SOCKET</c>): listens
/// on each allowed endpoint's inside address and carries every connection to the unix socket bound in from
/// outside; then runs the traced command with the terminal's streams and returns its exit code.
/// </summary>
public static class InsideRelay
{
    public static async Task<int> RunAsync(IReadOnlyList<string> listens, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listens);
        ArgumentNullException.ThrowIfNull(command);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listeners = new List<Socket>();
        var loops = new List<Task>();
        try
        {
            foreach (var spec in listens)
            {
                var equals = spec.IndexOf('=', StringComparison.Ordinal);
                var colon = spec.LastIndexOf(':', equals);
                var address = IPAddress.Parse(spec[..colon].Trim('[', ']'));
                var port = int.Parse(spec.AsSpan(colon + 1, equals - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture);
                var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                listener.Bind(new IPEndPoint(address, port));
                listener.Listen(64);
                listeners.Add(listener);
                var socketPath = spec[(equals + 1)..];
                loops.Add(SocketPump.AcceptEachAsync(listener, (socket, token) => CarryAsync(socket, socketPath, token), stop.Token));
            }

            var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
            foreach (var arg in command.Skip(1))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return process.ExitCode;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }

            await Task.WhenAll(loops).ConfigureAwait(false);
        }
    }

    private static async Task CarryAsync(Socket client, string socketPath, CancellationToken token)
    {
        using var from = client;
        try
        {
            using var to = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await to.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), token).ConfigureAwait(false);
            await Task.WhenAll(SocketPump.CopyAsync(from, to, token), SocketPump.CopyAsync(to, from, token)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
        }
    }
}
