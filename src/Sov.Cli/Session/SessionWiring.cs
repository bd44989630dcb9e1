using Sov.Borders.Processes;
using Sov.Cli.Borders;
using Sov.Cli.Interactive;
using Sov.Core.Agent;
using Sov.Core.Agent.Permission;
using Sov.Core.Audit;
using Sov.Core.Tools;

namespace Sov.Cli.Session;

/// <summary>
/// The one session builder (#14) for both front doors (<c>sov exec</c> and the interactive terminal), and later ACP and
/// subagents: on a prepared agent it puts up the borders (the writing tools journal their file writes and shell commands
/// from construction), connects the MCP servers, builds the tool registry once (read-only tools, writing tools, MCP tools),
/// journals every tool call as the front end's gate decides it, and returns the finished session: it stores each turn's
/// checkpoint, compacts, undoes, asks every approval as an event, and feeds the journal (the stream's fourth consumer).
/// </summary>
internal static class SessionWiring
{
    /// <param name="gateFor">The front end's permission gate over the borders' policy gate (null: that gate as it is).</param>
    public static async Task<WiredSession> BuildAsync(CliContext context, PreparedAgent agent, string? modeFlag, bool headless,
        Func<SessionBorders, IPermissionGate>? gateFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var journal = agent.Journal.Journal;
        var borders = await SessionBorders.CreateAsync(context, agent.Workspace, modeFlag, headless, record => journal.Append(record), cancellationToken)
            .ConfigureAwait(false);
        ITool[] own = [.. ToolRegistry.ReadOnlyBuiltIns().All, .. borders.Services.Tools(), .. agent.Skills.Tools()];
        var mcp = await McpServers.ConnectAsync(context, agent, borders, own, cancellationToken).ConfigureAwait(false);
        try
        {
            var tools = new ToolRegistry([.. own, .. mcp.Tools]);
            var gate = gateFor?.Invoke(borders) ?? borders.Gate;
            var journaled = new JournalingPermissionGate(gate, journal, agent.Journal.Redactor, "mode");
            var sink = new JournalEventSink(journal, () => agent.Model, (gate as InteractivePermissionGate) is { } asking ? asking.TakeGranted : null);
            var undo = new SessionUndo(borders.Services.Undo, ProcessUmask.Current());
            var session = new AgentSession(agent.Client, tools, borders.ToolContext(), journaled, agent.Options with { Hooks = SessionHookWiring.For(context, agent, borders) }, undo, sink);
            return new WiredSession(session, borders, mcp, tools, gate);
        }
        catch
        {
            await mcp.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
