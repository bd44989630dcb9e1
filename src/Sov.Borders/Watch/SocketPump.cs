using System.Net.Sockets;

namespace Sov.Borders.Watch;

/// <summary>The two loops of a relay: accepting connections, and copying one direction of each.</summary>
internal static class SocketPump
{
    /// <summary>Accepts until the listener is closed or <paramref name="token"/> fires; each connection is carried on its own.</summary>
    public static async Task AcceptEachAsync(Socket listener, Func<Socket, CancellationToken, Task> carry, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await listener.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = carry(accepted, token);
        }
    }

    /// <summary>
    /// Copies one direction of a relayed connection until its end, then half-closes the other side; also when
    /// this side ends in an error (a peer closed with data unread resets the connection), so the other
    /// direction's reader sees the end instead of waiting forever.
    /// </summary>
    public static async Task<long> CopyAsync(Socket from, Socket to, CancellationToken token)
    {
        var buffer = new byte[16384];
        long total = 0;
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, token).ConfigureAwait(false)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, token).ConfigureAwait(false);
                total += read;
            }
        }
        finally
        {
            try
            {
                to.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        }

        return total;
    }
}
