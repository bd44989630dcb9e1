using Sov.Borders.Environment;
using Sov.Borders.Network;
using Sov.Borders.Sandbox;

namespace Sov.Borders.Mcp;

/// <summary>What connecting needs from the session: the sandbox settings and whether bubblewrap is there, how to build an egress-gated client, the allow-listed environment.</summary>
public sealed record McpConnectOptions(
    SandboxSettings Sandbox,
    bool SandboxAvailable,
    Func<IEnumerable<Uri>, string, EgressOptions> Egress,
    AllowedEnvironment Environment,
    string Version)
{
    /// <summary>Paths read rules hold back, masked in a stdio server's sandbox as in a shell command's.</summary>
    public IReadOnlyList<string> Masks { get; init; } = [];
}
