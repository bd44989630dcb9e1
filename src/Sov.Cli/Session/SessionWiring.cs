using Sov.Borders.Processes;
using Sov.Cli.Borders;
using Sov.Cli.Interactive;
using Sov.Core.Agent;
using Sov.Core.Agent.Permission;
using Sov.Core.Agent.Subagents;
using Sov.Core.Audit;
using Sov.Core.Files;
using Sov.Core.Tools;
using Sov.Core.Tools.Subagents;

namespace Sov.Cli.Session;

/// <summary>
/// The one session builder (#14) for both front doors (<c>sov exec</c> and the interactive terminal), and later ACP and
/// subagents: on a prepared agent it puts up the borders (the writing tools journal their file writes and shell commands
/// from construction), connects the MCP servers, builds the tool registry once (read-only tools, writing tools, <c>task</c> with the agents found
/// (#17), MCP tools),
/// journals every tool call as the front end's gate decides it, and returns the finished session: it stores each turn's
/// checkpoint, compacts, undoes, asks every approval as an event, and feeds the journal (the stream's fourth consumer).
/// </summary>
internal static class SessionWiring
{
    /// <param name="gateFor">The front end's permission gate over the borders' policy gate (null: that gate as it is).</param>
    /// <param name="mcpOffered">MCP servers the front end adds (an editor's, allowed by the user's config), run as configured ones.</param>
    /// <param name="fileAccess">The front end's file access wrapping the disk's (the editor's buffers under <c>sov acp</c>, #18); null: the disk.
    /// The file tools read and write through it once the border judged the path; folder walks and shell commands are unchanged.</param>
    /// <param name="editorShell">The front end's runner for shell commands (the editor's terminal, #18, unsandboxed); null: the sandbox.</param>
    public static async Task<WiredSession> BuildAsync(CliContext context, PreparedAgent agent, string? modeFlag, bool headless,
        Func<SessionBorders, IPermissionGate>? gateFor, CancellationToken cancellationToken, IReadOnlyList<Core.Config.McpServerSettings>? mcpOffered = null,
        Func<IFileAccess, Func<string, bool>, IFileAccess>? fileAccess = null, Func<Sov.Borders.Sandbox.SandboxSettings, Core.Processes.IShellRunner>? editorShell = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var journal = agent.Journal.Journal;
        var borders = await SessionBorders.CreateAsync(context, agent.Workspace, modeFlag, headless, record => journal.Append(record), cancellationToken, fileAccess, editorShell)
            .ConfigureAwait(false);
        var web = WebTools.Create(context, agent);
        var agents = AgentCatalog.Load(Path.Combine(context.Paths.ConfigDir, "agents"), new ProjectFileBorder(agent.Workspace, borders.Gate.Policy))
            .WithAllowedModels(model => Core.Policy.PolicyLimits.ModelRefusal(agent.Policy, model));
        ITool[] own = [.. ToolRegistry.ReadOnlyBuiltIns().All, .. borders.Services.Tools(), .. web.Tools, .. agent.Skills.Tools(), new TaskTool(agents), new Core.Tools.Planning.ExitPlanTool()]; // exit_plan: offered only in plan mode (#17)
        var mcp = await McpServers.ConnectAsync(context, agent, borders, own, cancellationToken, mcpOffered).ConfigureAwait(false);
        try
        {
            var tools = new ToolRegistry([.. own, .. mcp.Tools]);
            var gate = gateFor?.Invoke(borders) ?? borders.Gate;
            var journaled = new JournalingPermissionGate(gate, journal, agent.Journal.Redactor, "mode");
            var sink = new JournalEventSink(journal, () => agent.Model, (gate as InteractivePermissionGate) is { } asking ? asking.TakeGranted : null);
            var undo = new SessionUndo(borders.Services.Undo, ProcessUmask.Current());
            var modes = gate as IPermissionModes ?? new FixedModes(borders.Gate.Policy.Mode);
            var session = new AgentSession(agent.Client, tools, borders.ToolContext() with { ImagesAccepted = agent.Settings.Images == true }, journaled,
                agent.Options with { Agents = agents, Hooks = SessionHookWiring.For(context, agent, borders) }, undo, sink, modes);
            return new WiredSession(session, borders, mcp, tools, gate) { Warnings = agents.Warnings, Web = web.Client };
        }
        catch
        {
            web.Client?.Dispose();
            await mcp.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
