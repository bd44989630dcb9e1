using System.Globalization;
using System.Text.RegularExpressions;

namespace Sov.Core.Watch;

/// <summary>
/// A network destination read from a trace: an IP address and port (<c>Port</c> &gt; 0), or a unix socket
/// path (<c>Port</c> 0, <c>Unix</c> true; abstract names start with <c>@</c>).
/// </summary>
public sealed partial record TraceEndpoint(string Address, int Port, bool Unix)
{
    /// <summary><c>10.0.0.1:443</c>, <c>[2001:db8::1]:443</c> or the unix path.</summary>
    public override string ToString() =>
        Unix ? Address : Address.Contains(':', StringComparison.Ordinal) ? $"[{Address}]:{Port}" : $"{Address}:{Port}";

    /// <summary>True for 127.0.0.0/8, ::1 and unspecified addresses (traffic that stays on the machine).</summary>
    public bool IsLoopback => !Unix && (Address.StartsWith("127.", StringComparison.Ordinal) || Address is "::1" or "0.0.0.0" or "::");

    /// <summary>The destination in a <c>sockaddr</c> argument (connect, sendto, sendmsg), or null.</summary>
    public static TraceEndpoint? FromSockaddr(string args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (Inet4().Match(args) is { Success: true } v4)
        {
            return new TraceEndpoint(StraceText.Decode(v4.Groups["a"].Value), Number(v4.Groups["p"].Value), false);
        }

        if (Inet6().Match(args) is { Success: true } v6)
        {
            return new TraceEndpoint(Unmap(StraceText.Decode(v6.Groups["a"].Value)), Number(v6.Groups["p"].Value), false);
        }

        if (UnixPath().Match(args) is { Success: true } unix)
        {
            return new TraceEndpoint(unix.Groups["at"].Value + StraceText.Decode(unix.Groups["a"].Value), 0, true);
        }

        return null;
    }

    /// <summary>The peer of a connected socket from its <c>-yy</c> decoration (<c>TCP:[a:p-&gt;b:q]</c>), or null.</summary>
    public static TraceEndpoint? FromDecoration(string? decoration, out string protocol)
    {
        protocol = string.Empty;
        if (decoration is null || Connected().Match(decoration) is not { Success: true } m)
        {
            return null;
        }

        protocol = m.Groups["proto"].Value;
        var peer = m.Groups["peer"].Value;
        var colon = peer.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(peer.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        return new TraceEndpoint(Unmap(peer[..colon].Trim('[', ']')), port, false);
    }

    /// <summary>.NET's dual-mode sockets write IPv4 destinations as IPv4-mapped IPv6 addresses.</summary>
    private static string Unmap(string address) =>
        address.StartsWith("::ffff:", StringComparison.OrdinalIgnoreCase) && address.Contains('.', StringComparison.Ordinal) ? address[7..] : address;

    private static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"sa_family=AF_INET, sin_port=htons\((?<p>\d+)\), sin_addr=inet_addr\(""(?<a>[^""]*)""\)")]
    private static partial Regex Inet4();

    [GeneratedRegex(@"sa_family=AF_INET6, sin6_port=htons\((?<p>\d+)\).*?inet_pton\(AF_INET6, ""(?<a>[^""]*)""")]
    private static partial Regex Inet6();

    [GeneratedRegex(@"sa_family=AF_UNIX, sun_path=(?<at>@?)""(?<a>[^""]*)""")]
    private static partial Regex UnixPath();

    [GeneratedRegex(@"^(?<proto>TCP|UDP|TCPv6|UDPv6):\[(?<local>.+?)->(?<peer>.+)\]$")]
    private static partial Regex Connected();
}
