using System.Text.RegularExpressions;
using Sov.Cli.Acp.Wire;
using Sov.Core.Config;

namespace Sov.Cli.Acp;

/// <summary>
/// The MCP servers an editor offers in <c>session/new</c>, as servers of the user's config would be (#18): only when
/// config.toml says <c>[acp] editor_mcp_servers = true</c>, and then only stdio servers, run in the sandbox without
/// network, with the variables the editor gives and nothing of Sovereign's environment. HTTP and SSE servers are not
/// taken (they would open an endpoint the user did not name); a name that is not a plain word, or one config.toml
/// already uses, is left out. Each server left out is one note for stderr.
/// </summary>
internal static partial class EditorMcpServers
{
    public static (IReadOnlyList<McpServerSettings> Servers, IReadOnlyList<string> Notes) From(IReadOnlyList<McpServerEntry>? offered, SovConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (offered is not { Count: > 0 })
        {
            return ([], []);
        }

        if (!config.Acp.EditorMcpServers)
        {
            return ([], [$"{offered.Count} MCP server(s) offered by the editor were not connected ({string.Join(", ", offered.Select(s => s.Name))}): set [acp] editor_mcp_servers = true in config.toml to allow them, or configure them under [mcp.servers]."]);
        }

        var servers = new List<McpServerSettings>();
        var notes = new List<string>();
        foreach (var entry in offered)
        {
            var name = entry.Name ?? "";
            if (!Word().IsMatch(name) || config.McpServers.Any(s => s.Name == name) || servers.Any(s => s.Name == name))
            {
                notes.Add($"the editor's MCP server '{name}' was not connected: its name must be a plain word ([A-Za-z0-9_-]) not already in config.toml.");
            }
            else if (entry.Type is not (null or "stdio") || entry.Command is not { Length: > 0 })
            {
                notes.Add($"the editor's MCP server '{name}' was not connected: only stdio servers are taken from an editor (an HTTP one would open an endpoint config.toml does not name).");
            }
            else
            {
                var server = new McpServerSettings(name)
                {
                    Command = entry.Command,
                    Args = entry.Args ?? [],
                    Env = (entry.Env ?? []).Where(v => v.Name is { Length: > 0 }).GroupBy(v => v.Name!, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal),
                };

                // The managed policy's MCP allow-list holds for an editor's servers as for configured ones (review of #20).
                if (config.Policy.McpServers is { } allowed && !allowed.Any(a => a.Allows(server)))
                {
                    notes.Add($"the editor's MCP server '{name}' was not connected: {config.Policy.Cite("mcp.servers")} does not allow it.");
                }
                else
                {
                    servers.Add(server);
                }
            }
        }

        return (servers, notes);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex Word();
}
