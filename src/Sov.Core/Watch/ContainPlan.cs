using System.Globalization;

namespace Sov.Core.Watch;

/// <summary>
/// Where each allowed endpoint appears inside the contained namespace: loopback addresses keep their own
/// address; a host name gets a loopback address of its own (127.0.0.2, .3, ...) written into the namespace's
/// <c>/etc/hosts</c>, the only name that resolves there. Other addresses cannot be bound inside, so they are
/// refused with a reason.
/// </summary>
public sealed record ContainPlan(IReadOnlyList<ContainEndpoint> Endpoints, string HostsFile)
{
    public static ContainPlan Build(IReadOnlyList<string> allowed, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        problem = null;
        var endpoints = new List<ContainEndpoint>();
        var hosts = new List<string> { "127.0.0.1 localhost", "::1 localhost" };
        var next = 2;
        var insideOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase); // one address per host, whatever its ports
        foreach (var text in allowed.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!ExpectedEndpoints.TryParse(text, out var host, out var port))
            {
                problem = $"'{text}' is not HOST:PORT.";
                return new ContainPlan([], string.Empty);
            }

            string inside;
            var isAddress = System.Net.IPAddress.TryParse(host, out var address);
            if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (isAddress && System.Net.IPAddress.IsLoopback(address!)))
            {
                inside = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" : host;
            }
            else if (isAddress)
            {
                problem = $"contain mode cannot stand in for {host} inside the namespace: give a host name or a loopback address (127.0.0.1:{port}).";
                return new ContainPlan([], string.Empty);
            }
            else if (!insideOf.TryGetValue(host, out inside!))
            {
                inside = string.Create(CultureInfo.InvariantCulture, $"127.0.0.{next++}");
                insideOf[host] = inside;
                hosts.Add($"{inside} {host}");
            }

            endpoints.Add(new ContainEndpoint(host, port, inside, endpoints.Count));
        }

        return new ContainPlan(endpoints, string.Join('\n', hosts) + "\n");
    }
}
