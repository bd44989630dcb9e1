using System.Globalization;

namespace Sov.Core.Watch;

/// <summary>
/// The endpoints a person expects the command to reach (<c>--allow</c>/<c>--expect HOST:PORT</c>): traffic to
/// them is listed but is not a finding. <c>localhost</c> matches the loopback addresses.
/// </summary>
public static class ExpectedEndpoints
{
    /// <summary>Splits <c>HOST:PORT</c> (or <c>[v6]:PORT</c>); false when it is not one.</summary>
    public static bool TryParse(string text, out string host, out int port)
    {
        ArgumentNullException.ThrowIfNull(text);
        host = string.Empty;
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }

        host = text[..colon].Trim('[', ']').ToLowerInvariant();
        return host.Length > 0 && !host.Contains('/', StringComparison.Ordinal);
    }

    public static bool Matches(IEnumerable<string> expected, TraceEndpoint endpoint, string? name)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(endpoint);
        foreach (var item in expected)
        {
            if (!TryParse(item, out var host, out var port) || port != endpoint.Port)
            {
                continue;
            }

            if (host == endpoint.Address || host == name || (host == "localhost" && endpoint.IsLoopback))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="lookedUp"/> is the host of an expected endpoint.</summary>
    public static bool NamesHost(IEnumerable<string> expected, string lookedUp) =>
        expected.Any(e => TryParse(e, out var host, out _) && host == lookedUp);
}
