using Sov.Borders.Mcp.Wire;

namespace Sov.Borders.Mcp;

/// <summary>
/// One way of exchanging JSON-RPC messages with a server (a stdio process, or POSTs over HTTP). Each request
/// is answered by the message with its id; whatever else the server sends is dealt with by the channel.
/// </summary>
internal interface IMcpChannel : IAsyncDisposable
{
    /// <summary>Cancelled when the server can answer nothing more (its output ended); never, over HTTP.</summary>
    CancellationToken Closed { get; }

    /// <summary>Why the server was disconnected, when it broke a cap; null otherwise.</summary>
    string? Problem { get; }

    /// <summary>Sends request <paramref name="id"/> (<paramref name="message"/> as bytes) and returns the server's answer to it.</summary>
    Task<JsonRpcMessage> RequestAsync(long id, string method, byte[] message, CancellationToken cancellationToken);

    Task NotifyAsync(byte[] message, CancellationToken cancellationToken);
}
