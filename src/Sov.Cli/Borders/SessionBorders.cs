using Sov.Borders.Sandbox;
using Sov.Core;
using Sov.Core.Config;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;
using Sov.Core.Permissions;
using Sov.Core.Tools;
using Sov.Core.Tools.Editing;

namespace Sov.Cli.Borders;

/// <summary>
/// The file and process borders of one session, put together: permission settings (user config, the
/// <c>--mode</c> flag, narrowed by the project), the sandbox (probed for real; full-auto is refused
/// without it), undo checkpoints under the state folder, the writing tools' services and the
/// permission gate the agent loop asks.
/// </summary>
internal sealed record SessionBorders(BorderServices Services, PolicyPermissionGate Gate, IReadOnlyList<string> Warnings)
{
    /// <summary>The sandbox's settings (MCP servers on stdio run under the same profile).</summary>
    public required SandboxSettings Sandbox { get; init; }

    public required bool SandboxAvailable { get; init; }

    /// <summary>What the tools may use: the workspace, with the read rules applied to every file a folder walk meets.</summary>
    public ToolContext ToolContext() => new(Services.Workspace) { MayRead = Gate.Policy.ReadsFreely, FileAccess = Services.FileAccess };

    /// <param name="record">Where the writing tools journal file writes and shell commands (the session's journal).</param>
    /// <param name="fileAccess">The front end's file access over the disk's (the editor's buffers under <c>sov acp</c>, #18), given whether the read
    /// rules let a workspace-relative path be read freely (no deny or ask rule matches it); null: the disk.</param>
    /// <param name="editorShell">The front end's runner for shell commands outside the sandbox (the editor's terminal under <c>sov acp</c>, #18),
    /// given the sandbox's settings (the variables it passes, its output caps); null: the sandbox. With it, the policy asks about every
    /// command, marked UNSANDBOXED.</param>
    public static async Task<SessionBorders> CreateAsync(CliContext context, Workspace workspace, string? modeFlag, bool headless,
        Action<Sov.Core.Audit.IJournalRecord>? record, CancellationToken cancellationToken, Func<IFileAccess, Func<string, bool>, IFileAccess>? fileAccess = null,
        Func<SandboxSettings, Core.Processes.IShellRunner>? editorShell = null)
    {
        var config = context.Config(workspace);
        var permissions = PermissionSettings.From(config, modeFlag);
        var settings = SandboxFactory.Settings(workspace.Root, context.Paths, permissions.Environment);
        var (sandboxShell, status) = await SandboxFactory.CreateAsync(settings, cancellationToken).ConfigureAwait(false);
        var shell = editorShell?.Invoke(settings) ?? sandboxShell;
        var warnings = new List<string>();
        if (permissions.PolicyNote is { } note)
        {
            warnings.Add(note);
        }

        if (!status.Available)
        {
            if (config.Policy.RequireSandbox)
            {
                throw new SovException($"{config.Policy.Cite("permissions.require_sandbox")} requires the sandbox, and it is unavailable: {status.Detail}.", status.Remedy, ExitCodes.Environment);
            }

            if (permissions.Mode == PermissionMode.FullAuto)
            {
                throw new SovException($"full-auto needs the sandbox, and it is unavailable: {status.Detail}.", status.Remedy, ExitCodes.Environment);
            }

            warnings.Add($"The sandbox is unavailable ({status.Detail}); every shell command needs approval, marked UNSANDBOXED. {status.Remedy}");
        }

        var policy = new PermissionPolicy(permissions.Mode, permissions.Rules, status.Available) { MaxMode = config.Policy.MaxMode, EditorTerminal = editorShell is not null };
        var undo = new UndoRecorder(new CheckpointStore(context.Paths.StateDir, workspace));
        var services = new BorderServices(workspace, shell, undo, record,
            policy.HasReadRules ? cancellation => ReadMasks.Find(workspace.Files, workspace.Root, policy, cancellation) : null,
            fileAccess?.Invoke(new WorkspaceFileAccess(workspace), policy.ReadsFreely));

        return new SessionBorders(services, new PolicyPermissionGate(policy, workspace, headless), warnings)
        {
            Sandbox = settings,
            SandboxAvailable = status.Available,
        };
    }
}
