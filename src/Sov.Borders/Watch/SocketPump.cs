using System.Net.Sockets;

namespace Sov.Borders.Watch;

/// <summary>Copies one direction of a relayed connection until its end, then half-closes the other side.</summary>
internal static class SocketPump
{
    public static async Task<long> CopyAsync(Socket from, Socket to, CancellationToken token)
    {
        var buffer = new byte[16384];
        long total = 0;
        int read;
        while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, token).ConfigureAwait(false)) > 0)
        {
            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, token).ConfigureAwait(false);
            total += read;
        }

        to.Shutdown(SocketShutdown.Send);
        return total;
    }
}
