using System.Text.Json;

namespace Sov.Core;

/// <summary>
/// What a failure means in plain words, for the person or the model. The published binary is built with
/// <c>UseSystemResourceKeys</c>, so a .NET exception's <see cref="Exception.Message"/> is a resource key
/// (<c>net_http_client_execution_error</c>, <c>IO_FileNotFound_FileName, /a/b</c>), never to be shown (#13.8).
/// So .NET's own exceptions are described by their type and codes (<see cref="HttpRequestError"/>, the
/// errno in <see cref="Exception.HResult"/>), never by their message; only Sovereign's own messages pass.
/// </summary>
public static class PlainErrors
{
    public static string Describe(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            _ when IsOurs(e) => e.Message,
            HttpRequestException h => Http(h.HttpRequestError),
            HttpIOException h => Http(h.HttpRequestError),
            FileNotFoundException f => f.FileName is { Length: > 0 } name ? $"file not found: {name}" : "file not found",
            DirectoryNotFoundException => "folder not found",
            PathTooLongException => "the path is too long",
            UnauthorizedAccessException => "permission denied",
            EndOfStreamException => "the data ended too early",
            System.ComponentModel.Win32Exception w => Errno(w.NativeErrorCode),
            IOException io when io.HResult > 0 => Errno(io.HResult),
            IOException io => Written(io.Message) ?? "an input/output error",
            JsonException j when j.LineNumber is { } line => $"invalid JSON at line {line + 1}, byte {(j.BytePositionInLine ?? 0) + 1}",
            JsonException j => Written(j.Message) ?? "invalid JSON",
            System.Security.Cryptography.CryptographicException => "the data is not a valid certificate or key",
            TimeoutException or OperationCanceledException => "it timed out",
            OutOfMemoryException or InsufficientExecutionStackException => "it ran out of memory",
            _ => $"an unexpected {e.GetType().Name}",
        };
    }

    /// <summary>Words for the kind of HTTP failure (SocketsHttpHandler's categories).</summary>
    public static string Http(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "the host name was not found",
        HttpRequestError.ConnectionError => "the connection could not be made (refused or unreachable)",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed (certificate or protocol)",
        HttpRequestError.HttpProtocolError => "the server broke the HTTP protocol",
        HttpRequestError.ExtendedConnectNotSupported or HttpRequestError.VersionNegotiationError => "the server and client could not agree on an HTTP version",
        HttpRequestError.UserAuthenticationError => "the proxy refused the credentials",
        HttpRequestError.ProxyTunnelError => "the proxy refused the tunnel",
        HttpRequestError.InvalidResponse => "the server sent an invalid response",
        HttpRequestError.ResponseEnded => "the server closed the connection before the response ended",
        HttpRequestError.ConfigurationLimitExceeded => "the response passed a size limit",
        _ => "the connection broke",
    };

    /// <summary>Words for the common errno values .NET puts in an IOException's HResult on Linux and macOS.</summary>
    private static string Errno(int errno) => errno switch
    {
        1 or 13 => "permission denied",
        2 => "no such file or folder",
        5 => "an input/output error on the device",
        17 => "it already exists",
        20 => "a part of the path is not a folder",
        21 => "it is a folder",
        24 => "too many open files",
        28 => "no space left on the device",
        30 => "the file system is read-only",
        36 => "the file name is too long",
        39 => "the folder is not empty",
        40 => "too many levels of symbolic links",
        122 => "the disk quota is exceeded",
        _ => "an input/output error",
    };

    /// <summary>
    /// A message some code wrote for people (Sovereign's own IOException, say), or null when it is a framework
    /// resource key: one word of letters, digits and underscores, maybe followed by ", " and arguments.
    /// </summary>
    private static string? Written(string message)
    {
        var head = message.Split(',', 2)[0].Trim();
        var key = head.Length > 0 && head.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            && (head.Contains('_', StringComparison.Ordinal) || head.Length > 20);
        return key || message.Length == 0 ? null : message;
    }

    /// <summary>Sovereign's exceptions carry messages written for people.</summary>
    private static bool IsOurs(Exception e) =>
        e is SovException || e.GetType().Namespace?.StartsWith("Sov.", StringComparison.Ordinal) == true;
}
