using Sov.Core.Config;

namespace Sov.Core.Policy;

/// <summary>
/// Lays the managed policy over the typed configuration, so every consumer of <see cref="SovConfig"/> sees the
/// tightened values: MCP servers the policy does not allow are dropped (with a warning naming the policy),
/// the policy's audit export endpoint replaces the user's, and the policy's own warnings join the config's.
/// The mode cap, the added rules and the variable list are applied by <c>PermissionSettings.From</c>, the
/// endpoint and model lists by <see cref="PolicyLimits"/>, both reading <see cref="SovConfig.Policy"/>.
/// </summary>
public static class PolicyClamp
{
    public static SovConfig Apply(SovConfig config, ManagedPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(policy);
        if (!policy.InForce)
        {
            return config;
        }

        var warnings = new List<string>(config.Warnings);
        warnings.AddRange(policy.Warnings);
        var servers = config.McpServers;
        if (policy.McpServers is { } allowed)
        {
            servers = [.. config.McpServers.Where(s => allowed.Any(a => a.Allows(s)))];
            foreach (var refused in config.McpServers.Except(servers))
            {
                warnings.Add($"MCP server '{refused.Name}' is not started: {policy.Cite("mcp.servers")} does not allow it"
                    + (allowed.FirstOrDefault(a => a.Name == refused.Name) is { } same ? $" as configured (it must be {same.Describe()})." : "."));
            }
        }

        return config with
        {
            Policy = policy,
            McpServers = servers,
            AuditExport = policy.AuditExport is { } export ? config.AuditExport with { Endpoint = export, Forced = true } : config.AuditExport,
            Warnings = warnings,
        };
    }
}
