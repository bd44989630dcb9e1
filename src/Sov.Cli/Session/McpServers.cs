using Sov.Borders.Environment;
using Sov.Borders.Mcp;
using Sov.Cli.Borders;
using Sov.Core;
using Sov.Core.Config;
using Sov.Core.Permissions;
using Sov.Core.Tools.Mcp;

namespace Sov.Cli.Session;

/// <summary>
/// The MCP servers of one session, from the user's config.toml: connected in parallel at start, their tools
/// added to the session's as <c>mcp__SERVER__TOOL</c>. A server that does not start is a warning, not a failure;
/// a tool description with hidden characters is warned about (the model sees them revealed). Disposing
/// closes every connection.
/// </summary>
internal sealed class McpServers : IAsyncDisposable
{
    private readonly List<IMcpServer> _servers = [];
    private readonly List<string> _warnings = [];

    public IReadOnlyList<string> Warnings => _warnings;

    public IReadOnlyList<IMcpServer> Connected => _servers;

    public static async Task<McpServers> ConnectAsync(CliContext context, PreparedAgent agent, SessionBorders borders, CancellationToken cancellationToken)
    {
        var result = new McpServers();
        var configured = McpServerSettings.Load(context.Paths.ConfigFile);
        if (configured.Count == 0)
        {
            return result;
        }

        var masks = borders.Services.ShellMasks is { } find ? find(cancellationToken) : [];
        if (masks is null)
        {
            result._warnings.Add($"MCP servers are not started: read rules hold back more than {ReadMasks.Limit} paths, too many to hide from them.");
            return result;
        }

        var options = new McpConnectOptions(borders.Sandbox, borders.SandboxAvailable, agent.Egress,
            context.Environment as AllowedEnvironment ?? new AllowedEnvironment(), VersionInfo.Version) { Masks = masks };
        var attempts = configured.Select(async server =>
        {
            IMcpServer? connected = null;
            try
            {
                connected = await McpConnector.ConnectAsync(server, options, cancellationToken).ConfigureAwait(false);
                var tools = await connected.ListToolsAsync(cancellationToken).ConfigureAwait(false);
                return (Server: connected, Tools: tools, Problem: (string?)null);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (connected is not null)
                {
                    await connected.DisposeAsync().ConfigureAwait(false);
                }

                var why = e is SovException sov ? $"{sov.Message} {sov.Remedy}" : e.Message;
                return (Server: (IMcpServer?)null, Tools: (IReadOnlyList<McpToolInfo>)[], Problem: $"MCP server '{server.Name}' is not available: {why}");
            }
        }).ToList();

        var outcomes = await Task.WhenAll(attempts).ConfigureAwait(false);
        foreach (var (server, _, _) in outcomes)
        {
            if (server is not null)
            {
                result._servers.Add(server); // owned from here on: disposed with the session, whatever follows
            }
        }

        try
        {
            foreach (var (server, tools, problem) in outcomes)
            {
                if (problem is not null || server is null)
                {
                    result._warnings.Add(problem!);
                    continue;
                }

                foreach (var info in tools)
                {
                    var tool = new McpTool(server, info);
                    if (tool.HidesCharacters)
                    {
                        result._warnings.Add($"MCP tool {tool.Name}: its description or schema hides characters (the model sees them as visible markers).");
                    }

                    if (tool.SchemaCut)
                    {
                        result._warnings.Add($"MCP tool {tool.Name}: its input schema is over {UntrustedSchema.MaxBytes / 1024} KiB; the model gets a bare object schema.");
                    }

                    if (agent.Tools.Find(tool.Name) is not null)
                    {
                        result._warnings.Add($"MCP server '{server.Name}': tool '{info.Name}' is left out, its name {tool.Name} is taken.");
                        continue;
                    }

                    agent.Tools.Add(tool);
                }
            }
        }
        catch
        {
            await result.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
