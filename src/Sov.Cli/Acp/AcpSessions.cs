using Sov.Cli.Acp.Rpc;
using Sov.Cli.Acp.Wire;
using Sov.Cli.Interactive;
using Sov.Cli.Session;
using Sov.Cli.Terminal;
using Sov.Core.Config;

namespace Sov.Cli.Acp;

/// <summary>
/// Opens editor sessions the way every front door does: <see cref="PreparedAgent"/> (kind <c>acp</c>: its journal opens
/// first), <see cref="SessionWiring.BuildAsync"/> with the interactive permission gate, the session file under the one
/// id. The editor's <c>cwd</c> becomes the workspace root, fixed for the session; the endpoint, model and permissions
/// come from the user's config and <c>sov acp</c>'s flags only. MCP servers the editor offers are connected only as
/// <see cref="EditorMcpServers"/> allows (off by default); what is left out is said on stderr.
/// </summary>
internal sealed class AcpSessions(CliContext context, SettingsOverrides flags, string? modeFlag)
{
    /// <summary>What the editor said it offers in <c>initialize</c>.</summary>
    public ClientCapabilities? Client { get; set; }

    /// <summary>The connection the sessions talk to the editor on (set once it exists).</summary>
    public RpcConnection? Connection { get; set; }

    public async Task<AcpSession> OpenAsync(NewSessionParams request, bool load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Cwd is not { Length: > 0 } cwd || !Path.IsPathFullyQualified(cwd))
        {
            throw new RpcException(RpcCodes.InvalidParams, "Invalid params: cwd must be an absolute path (the workspace folder).");
        }

        if (!Directory.Exists(cwd))
        {
            throw new RpcException(RpcCodes.InvalidParams, $"Invalid params: the workspace folder {cwd} does not exist.");
        }

        if (load && string.IsNullOrEmpty(request.SessionId))
        {
            throw new RpcException(RpcCodes.InvalidParams, "Invalid params: session/load needs a sessionId.");
        }

        var root = Commands.SessionOptions.Root(cwd);
        var agent = await PreparedAgent.PrepareAsync(context, flags, root, cancellationToken, kind: "acp", modeFlag: modeFlag,
            session: load ? new SessionChoice(request.SessionId) : SessionChoice.New).ConfigureAwait(false);
        try
        {
            var config = context.Config(agent.Workspace);
            var (offered, notes) = EditorMcpServers.From(request.McpServers, config);
            var (terminal, terminalNote) = EditorTerminals.Decide(config, Client?.Terminal == true && Connection is not null);
            foreach (var note in terminalNote is null ? notes : [.. notes, terminalNote])
            {
                await context.Error.WriteLineAsync("sov acp: " + TerminalSafe.Line(note)).ConfigureAwait(false);
            }

            var wired = await SessionWiring.BuildAsync(context, agent, modeFlag, headless: false,
                borders => new InteractivePermissionGate(borders.Gate, agent.Workspace), cancellationToken, offered, EditorFiles(agent),
                terminal ? EditorShell(agent) : null).ConfigureAwait(false);
            try
            {
                return await StartAsync(agent, wired, load, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await wired.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            agent.Dispose();
            throw;
        }
    }

    /// <summary>The editor's file system for the file tools when it offers one (#18), over the disk's; null when it offers none.</summary>
    private Func<Core.Files.IFileAccess, Func<string, bool>, Core.Files.IFileAccess>? EditorFiles(PreparedAgent agent)
    {
        var (reads, writes) = (Client?.Fs?.ReadTextFile == true, Client?.Fs?.WriteTextFile == true);
        var connection = Connection;
        return (reads || writes) && connection is not null
            ? (disk, readsFreely) => new EditorFileAccess(agent.Workspace, disk, new AcpEditorBuffers(connection, agent.SessionId), reads, writes) { ReadsFreely = readsFreely }
            : null;
    }

    /// <summary>The editor's terminal for the shell tool (#18): the sandbox's variables and output caps, over this connection.</summary>
    private Func<Sov.Borders.Sandbox.SandboxSettings, Core.Processes.IShellRunner> EditorShell(PreparedAgent agent)
    {
        var connection = Connection ?? throw new InvalidOperationException("The connection is not set.");
        return sandbox => new EditorTerminalShell(new AcpEditorTerminals(connection, agent.SessionId), sandbox.Environment, sandbox.HeadBytes, sandbox.TailBytes);
    }

    private async Task<AcpSession> StartAsync(PreparedAgent agent, WiredSession wired, bool load, CancellationToken cancellationToken)
    {
        var undo = wired.Borders.Services.Undo;
        var recovered = InterruptedTurns.Recover(undo.Store);
        var (file, loaded) = SessionResume.OpenOrCreate(context, agent);
        undo.Session = file.Id;
        var store = new SessionStore(file, wired.Session);
        var history = loaded?.Messages ?? [];
        store.Resumed(history, loaded?.PendingNotes ?? [], InterruptedTurns.NoteFor(undo.Store, file.Id, history));
        if (history.Count > 0)
        {
            wired.Session.Reset(history);
        }

        foreach (var warning in agent.Settings.Warnings.Concat(wired.Borders.Warnings).Concat(wired.Mcp.Warnings).Append(agent.Instructions.Warning)
            .Concat(recovered).Concat(loaded?.Warnings ?? []).OfType<string>())
        {
            await context.Error.WriteLineAsync("sov acp: warning: " + TerminalSafe.Line(warning)).ConfigureAwait(false);
        }

        var connection = Connection ?? throw new InvalidOperationException("The connection is not set.");
        var session = new AcpSession(agent, wired, store, connection);
        if (load)
        {
            await AcpReplay.SendAsync(session.Id, history, new AcpUpdates(wired.Tools, agent.Workspace, wired.Borders.Services.Todos), connection, cancellationToken)
                .ConfigureAwait(false);
        }

        return session;
    }
}
