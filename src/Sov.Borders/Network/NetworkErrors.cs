using System.Net.Sockets;
using Sov.Core;

namespace Sov.Borders.Network;

/// <summary>
/// Plain words for a failed HTTP exchange, from the socket error when there is one, else from the HTTP
/// error category (<see cref="PlainErrors"/>): the published binary's framework messages are resource keys
/// such as <c>net_http_client_execution_error</c> and must never reach a person (#13.8).
/// </summary>
public static class NetworkErrors
{
    public static string Describe(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket && Socket(socket.SocketErrorCode) is { } words)
            {
                return words;
            }
        }

        return PlainErrors.Describe(e);
    }

    /// <summary>
    /// The same exception kind with a plain message (the original kept inside for --debug), so whoever shows
    /// <see cref="Exception.Message"/> shows words and whoever looks at <see cref="HttpRequestException.HttpRequestError"/> still can.
    /// </summary>
    public static HttpRequestException Plain(HttpRequestException e, Uri? destination)
    {
        ArgumentNullException.ThrowIfNull(e);
        var where = destination is null ? "" : $" ({destination.GetLeftPart(UriPartial.Authority)})";
        return new HttpRequestException(e.HttpRequestError, Describe(e) + where, e, e.StatusCode);
    }

    private static string? Socket(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "the connection was refused",
        SocketError.ConnectionReset => "the server reset the connection",
        SocketError.ConnectionAborted => "the connection was aborted",
        SocketError.TimedOut => "the connection timed out",
        SocketError.HostNotFound or SocketError.NoData => "the host name was not found",
        SocketError.TryAgain => "the host name could not be looked up just now",
        SocketError.HostUnreachable or SocketError.HostDown => "the host is unreachable",
        SocketError.NetworkUnreachable or SocketError.NetworkDown => "the network is unreachable",
        SocketError.AccessDenied => "the connection was not permitted",
        SocketError.AddressNotAvailable => "the address is not available",
        SocketError.Shutdown or SocketError.NotConnected => "the connection was closed",
        _ => null,
    };
}
