using Sov.Borders.Environment;
using Sov.Borders.Network;
using Sov.Borders.Processes;
using Sov.Borders.Sandbox;
using Sov.Core;
using Sov.Core.Config;
using Sov.Core.Tools.Mcp;

namespace Sov.Borders.Mcp;

/// <summary>
/// Connects the MCP servers the person configured. A stdio server runs under the same bubblewrap profile as
/// shell commands (workspace writable, home secrets masked, no network unless <c>network = true</c>) with an
/// environment of the sandbox's allow-list plus what its config names, never Sovereign's own. An HTTP server
/// is reached through the egress gate, its origin allowed for that server's client only, and journaled.
/// </summary>
public static class McpConnector
{
    public static async Task<IMcpServer> ConnectAsync(McpServerSettings server, McpConnectOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(options);
        if (server.Url is { } url)
        {
            var token = server.BearerTokenEnv is { } tokenVariable ? Variable(options.Environment, tokenVariable, server.Name, "bearer_token_env") : null;
            var egress = options.Egress([new Uri(url.GetLeftPart(UriPartial.Authority))], $"mcp:{server.Name}") with { MaxResponseBytes = McpLimits.MaxMessageBytes };
            var http = HttpClients.Create(egress);
            http.MaxResponseContentBufferSize = McpLimits.MaxMessageBytes;
            return await InitializedAsync(new McpConnection(server, new McpHttpChannel(http, url, token), [], http), options, cancellationToken).ConfigureAwait(false);
        }

        var environment = new Dictionary<string, string>(options.Sandbox.Environment, StringComparer.Ordinal);
        foreach (var name in server.EnvFrom)
        {
            environment[name] = Variable(options.Environment, name, server.Name, "env_from");
        }

        foreach (var (name, value) in server.Env)
        {
            environment[name] = value;
        }

        string[] program = [server.Command!, .. server.Args];
        IReadOnlyList<string> placeholders = [];
        if (server.Sandbox)
        {
            if (!options.SandboxAvailable)
            {
                throw new SovException(
                    $"MCP server '{server.Name}' runs in the sandbox, and bubblewrap is unavailable.",
                    $"Install bubblewrap (sov doctor says how), or set sandbox = false in [mcp.servers.{server.Name}] to run it unsandboxed.",
                    ExitCodes.Environment);
            }

            var profile = SandboxProfile.ForProgram(options.Sandbox, options.Sandbox.Workspace, program, server.Network, options.Masks);
            placeholders = profile.Placeholders;
            program = [.. profile.Argv];
        }

        McpStdioSession session;
        try
        {
            session = McpStdioSession.Start(ProcessRunner.StartInfo(program, options.Sandbox.Workspace, environment));
        }
        catch
        {
            BubblewrapShell.RemovePlaceholders(placeholders);
            throw;
        }

        return await InitializedAsync(new McpConnection(server, session, placeholders, null), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The connection once <c>initialize</c> is done; disposed (the server ended, the client dropped) when it fails.</summary>
    private static async Task<IMcpServer> InitializedAsync(McpConnection connection, McpConnectOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await connection.InitializeAsync(options.Version, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string Variable(AllowedEnvironment environment, string name, string server, string key) =>
        environment.With(name).Get(name) ?? throw new SovException(
            $"The variable {name} that [mcp.servers.{server}] {key} names is unset.",
            $"Export {name}, or remove it from {key}.",
            ExitCodes.Environment);
}
