using Sov.Cli.Borders;
using Sov.Core.Agent;
using Sov.Core.Agent.Permission;
using Sov.Core.Tools;

namespace Sov.Cli.Session;

/// <summary>
/// A finished session from <see cref="SessionWiring"/>: the agent loop, its borders, its MCP servers, the tools it
/// offers and the gate it asks. Disposing ends the loop, then closes the servers.
/// </summary>
internal sealed class WiredSession(AgentSession session, SessionBorders borders, McpServers mcp, ToolRegistry tools, IPermissionGate gate) : IAsyncDisposable
{
    public AgentSession Session { get; } = session;

    public SessionBorders Borders { get; } = borders;

    public McpServers Mcp { get; } = mcp;

    public ToolRegistry Tools { get; } = tools;

    /// <summary>The gate the front end gave (the terminal's asks the person; exec's is the borders' own).</summary>
    public IPermissionGate Gate { get; } = gate;

    /// <summary>What the front end warns of at start beyond the borders' and the MCP servers' (agent files skipped, #17).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>web_fetch's own client, when <c>[web] allow</c> names hosts (#17).</summary>
    public IDisposable? Web { get; init; }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync().ConfigureAwait(false);
        await Mcp.DisposeAsync().ConfigureAwait(false);
        Web?.Dispose();
    }
}
