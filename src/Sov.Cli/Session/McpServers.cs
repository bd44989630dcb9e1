using Sov.Borders.FileSystem;
using Sov.Borders.Environment;
using Sov.Borders.Mcp;
using Sov.Cli.Borders;
using Sov.Core;
using Sov.Core.Config;
using Sov.Core.Permissions;
using Sov.Core.Text;
using Sov.Core.Tools;
using Sov.Core.Tools.Mcp;

namespace Sov.Cli.Session;

/// <summary>
/// The MCP servers of one session, from the user's config.toml: connected in parallel at start, their tools
/// offered beside the session's as <c>mcp__SERVER__TOOL</c> within the names rule and caps of <see cref="McpToolSelection"/>.
/// A server that does not start (within its <c>startup_timeout_seconds</c>, tools listed) is a warning, not a
/// failure; a tool description with hidden characters is warned about (the model sees them revealed).
/// Disposing closes every connection.
/// </summary>
internal sealed class McpServers : IAsyncDisposable
{
    private readonly List<IMcpServer> _servers = [];
    private readonly List<string> _warnings = [];
    private readonly List<ITool> _tools = [];

    public IReadOnlyList<string> Warnings => _warnings;

    public IReadOnlyList<IMcpServer> Connected => _servers;

    /// <summary>The servers' tools the session offers (within the caps), named apart from <c>taken</c>.</summary>
    public IReadOnlyList<ITool> Tools => _tools;

    /// <param name="taken">The session's other tools: a server's tool never takes one of their names.</param>
    /// <param name="offered">Servers a front end adds (an editor's, when the user's config allows them): run exactly as configured ones.</param>
    public static async Task<McpServers> ConnectAsync(CliContext context, PreparedAgent agent, SessionBorders borders,
        IReadOnlyCollection<ITool> taken, CancellationToken cancellationToken, IReadOnlyList<McpServerSettings>? offered = null)
    {
        var result = new McpServers();
        IReadOnlyList<McpServerSettings> configured = [.. context.Config(borders.Services.Workspace).McpServers, .. offered ?? []];
        if (configured.Count == 0)
        {
            return result;
        }

        var masks = borders.Services.ShellMasks is { } find ? find(cancellationToken) : [];
        if (masks is null)
        {
            result._warnings.Add($"MCP servers are not started: the paths read rules hold back cannot all be hidden from them (more than {ReadMasks.Limit}, or the workspace could not be listed).");
            return result;
        }

        var options = new McpConnectOptions(borders.Sandbox, borders.SandboxAvailable, agent.Egress,
            context.Environment as AllowedEnvironment ?? new AllowedEnvironment(), VersionInfo.Version) { Masks = masks };
        var attempts = configured.Select(async server =>
        {
            IMcpServer? connected = null;
            using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            startup.CancelAfter(server.StartupTimeout);
            try
            {
                connected = await McpConnector.ConnectAsync(server, options, startup.Token).WaitAsync(startup.Token).ConfigureAwait(false);
                var tools = await connected.ListToolsAsync(startup.Token).ConfigureAwait(false);
                return (Server: connected, Settings: server, Tools: tools, Problem: (string?)null);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (connected is not null)
                {
                    await connected.DisposeAsync().ConfigureAwait(false);
                }

                var why = e is OperationCanceledException or TimeoutException
                    ? $"it did not start within {server.StartupTimeout.TotalSeconds:0} s (startup_timeout_seconds in [mcp.servers.{server.Name}])."
                    : e is SovException sov ? $"{sov.Message} {sov.Remedy}"
                    : TerminalText.Line(McpToolName.Head(e.Message.Replace($"MCP server '{server.Name}': ", "", StringComparison.Ordinal), McpTool.MaxDescription));
                return (Server: (IMcpServer?)null, Settings: server, Tools: new McpToolList([], false), Problem: $"MCP server '{server.Name}' is not available: {why}");
            }
        }).ToList();

        var outcomes = await Task.WhenAll(attempts).ConfigureAwait(false);
        foreach (var outcome in outcomes)
        {
            if (outcome.Server is not null)
            {
                result._servers.Add(outcome.Server); // owned from here on: disposed with the session, whatever follows
            }
        }

        try
        {
            result._warnings.AddRange(outcomes.Where(o => o.Problem is not null).Select(o => o.Problem!));
            var selection = McpToolSelection.Choose(
                outcomes.Where(o => o.Server is not null).Select(o => (o.Server!, o.Settings.Tools, o.Tools)),
                name => taken.Any(t => string.Equals(t.Name, name, StringComparison.Ordinal)));
            result._warnings.AddRange(selection.Warnings);
            result._tools.AddRange(selection.Tools);
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
