using System.Globalization;
using System.Net;

namespace Sov.Core.Web;

/// <summary>
/// One entry of <c>[web] allow</c>: a scheme, a host (<c>*.example.com</c> stands for every name under example.com, not
/// example.com itself) and a port. Written as <c>docs.python.org</c> (https, 443), <c>host:8443</c>,
/// <c>https://host[:port]</c>, or <c>http://127.0.0.1:PORT</c>: plain http only for a loopback host.
/// </summary>
public sealed record WebOrigin(string Scheme, string Host, int Port)
{
    public bool IsWildcard => Host.StartsWith("*.", StringComparison.Ordinal);

    /// <summary>Parses one entry; the error says what is wrong with it and how to write it, or null when it parsed.</summary>
    public static WebOrigin? Parse(string entry, out string? error)
    {
        ArgumentNullException.ThrowIfNull(entry);
        error = null;
        var text = entry.Trim();
        var hasScheme = text.Contains("://", StringComparison.Ordinal);
        var wildcard = text.StartsWith("*.", StringComparison.Ordinal) || text.Contains("://*.", StringComparison.Ordinal);
        var probe = (hasScheme ? text : "https://" + text).Replace("://*.", "://wildcard.", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0
            || uri.PathAndQuery != "/" || uri.Fragment.Length > 0 || text.EndsWith('/') || text.Contains('*', StringComparison.Ordinal) != wildcard
            || text.Count(c => c == '*') > 1)
        {
            error = $"'{entry}' is not a host: write a name (docs.python.org), a wildcard (*.internal.example), or an origin (https://host:8443; http://127.0.0.1:PORT).";
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (wildcard)
        {
            host = "*" + host["wildcard".Length..];
        }

        if (uri.Scheme == "http" && !IsLoopback(host))
        {
            error = $"'{entry}' would fetch over plain http: only a loopback host (127.0.0.1, ::1, localhost) may be named with http://; write the host alone for https.";
            return null;
        }

        return new WebOrigin(uri.Scheme, host, uri.Port);
    }

    /// <summary>Whether a request to <paramref name="uri"/> may go: same scheme and port, and the host named or under the wildcard.</summary>
    public bool Allows(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || uri.Scheme != Scheme || uri.Port != Port || uri.UserInfo.Length > 0)
        {
            return false;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        return IsWildcard ? host.EndsWith(Host[1..], StringComparison.Ordinal) && host.Length > Host.Length - 1 : host == Host;
    }

    /// <summary>Whether everything <paramref name="other"/> allows, this allows too (a project entry is kept only then).</summary>
    public bool Covers(WebOrigin other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Scheme != Scheme || other.Port != Port)
        {
            return false;
        }

        return IsWildcard
            ? other.Host.EndsWith(Host[1..], StringComparison.Ordinal) && other.Host.Length > Host.Length - 1
            : other.Host == Host;
    }

    public static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>As <c>sov privacy</c> shows it: <c>https://docs.python.org:443</c>, <c>https://*.internal.example:443</c>.</summary>
    public override string ToString() =>
        $"{Scheme}://{(Host.Contains(':', StringComparison.Ordinal) && !Host.StartsWith('[') ? $"[{Host}]" : Host)}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
