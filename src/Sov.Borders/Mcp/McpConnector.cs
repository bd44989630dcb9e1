using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
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
        var clientOptions = new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "sov", Version = options.Version },
            InitializationTimeout = server.StartupTimeout,
        };
        if (server.Url is { } url)
        {
            var egress = options.Egress([new Uri(url.GetLeftPart(UriPartial.Authority))], $"mcp:{server.Name}") with { MaxResponseBytes = McpLimits.MaxMessageBytes };
            var http = HttpClients.Create(egress);
            http.MaxResponseContentBufferSize = McpLimits.MaxMessageBytes;
            try
            {
                var headers = new Dictionary<string, string>();
                if (server.BearerTokenEnv is { } tokenVariable)
                {
                    headers["Authorization"] = "Bearer " + Variable(options.Environment, tokenVariable, server.Name, "bearer_token_env");
                }

                var remote = new HttpClientTransport(
                    new HttpClientTransportOptions
                    {
                        Endpoint = url, Name = server.Name, AdditionalHeaders = headers, ConnectionTimeout = server.StartupTimeout,
                        EnableStandaloneGetStream = false, // nothing unasked is read: every response answers a request of ours
                    },
                    http, loggerFactory: null, ownsHttpClient: false);
                var client = await McpClient.CreateAsync(remote, clientOptions, loggerFactory: null, cancellationToken).ConfigureAwait(false);
                return new McpConnection(server, client, null, [], http);
            }
            catch
            {
                http.Dispose();
                throw;
            }
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

        var transport = new McpStdioTransport(server.Name, ProcessRunner.StartInfo(program, options.Sandbox.Workspace, environment));
        try
        {
            var client = await McpClient.CreateAsync(transport, clientOptions, loggerFactory: null, cancellationToken).ConfigureAwait(false);
            return new McpConnection(server, client, transport.Session, placeholders, null);
        }
        catch
        {
            if (transport.Session is { } session)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }

            BubblewrapShell.RemovePlaceholders(placeholders);
            throw;
        }
    }

    private static string Variable(AllowedEnvironment environment, string name, string server, string key) =>
        environment.With(name).Get(name) ?? throw new SovException(
            $"The variable {name} that [mcp.servers.{server}] {key} names is unset.",
            $"Export {name}, or remove it from {key}.",
            ExitCodes.Environment);
}
