using Sov.Core.Agent.Events;
using Sov.Core.Files;

namespace Sov.Core.Tools;

/// <summary>
/// What a running tool may use: the workspace (the file border), and a way to report a file it changed
/// (the agent session turns that into a <c>FileChanged</c> event for the front ends and the journal).
/// </summary>
public sealed record ToolContext(Workspace Workspace)
{
    /// <summary>
    /// Whether a workspace-relative path may be read without asking: false when a deny or ask read rule
    /// matches it. Tools that walk folders (grep, glob, list_dir) leave such paths out and say how many they
    /// withheld; a path a tool names itself is judged by the permission gate before the tool runs.
    /// </summary>
    public Func<string, bool> MayRead { get; init; } = _ => true;

    /// <summary>
    /// Whether a folder walk may read or show <paramref name="relative"/>: it leads nowhere outside the workspace
    /// (a symlink may not), and the read rules hold back neither the path as written nor where it really leads.
    /// Walks never enter symlinked folders, so only the entry itself can be a link: one readlink for an
    /// ordinary file, the whole resolution only for a link.
    /// </summary>
    public bool MayReadInWalk(string relative)
    {
        if (!MayRead(relative))
        {
            return false;
        }

        try
        {
            if (Workspace.Files.ReadLink(Path.Join(Workspace.Root, relative)) is null)
            {
                return true;
            }

            var path = Workspace.Inspect(relative);
            return path.Inside && (path.RealPath == path.FullPath || MayRead(Workspace.Relative(path.RealPath)));
        }
        catch (Exception e) when (e is Files.WorkspaceException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Where read_file reads a named file once the border judged it (null: the disk; the editor's buffers under <c>sov acp</c>, #18).</summary>
    public IFileAccess? FileAccess { get; init; }

    /// <summary>The access tools read through: <see cref="FileAccess"/>, or the disk through the border.</summary>
    public IFileAccess Reads => FileAccess ?? new WorkspaceFileAccess(Workspace);

    /// <summary>Whether the model accepts images (config <c>images = true</c>): read_file then hands it PNG, JPEG, GIF and WebP files.</summary>
    public bool ImagesAccepted { get; init; }

    /// <summary>Set by the agent session; tools call <see cref="ReportFileChanged"/> rather than this.</summary>
    public Action<string, string>? OnFileChanged { get; init; }

    /// <summary>
    /// Set for each call by the agent session: asks the person (an <see cref="ApprovalRequested"/> event of the given kind,
    /// with the reason and the text shown revealed) and completes true when approved. Null when nobody can be asked: refuse.
    /// </summary>
    public Func<ApprovalKind, string, string, CancellationToken, Task<bool>>? AskAsync { get; init; }

    /// <summary>The id of the call the tool runs for (set by the agent session for each call; empty outside one).</summary>
    public string CallId { get; init; } = "";

    /// <summary>Starts child sessions for the <c>task</c> tool; set by the agent session, null inside a child (no grandchildren).</summary>
    public Agent.Subagents.ISubagents? Subagents { get; init; }

    /// <summary>
    /// Set for each call by the agent session: hands a plan over for approval (<c>exit_plan</c>, #17) and completes with what
    /// became of it. Null when the session takes no plans.
    /// </summary>
    public Func<string, CancellationToken, Task<Planning.PlanAnswer>>? ProposePlanAsync { get; init; }

    /// <summary>Set by the agent session: shows the person a warning (a <see cref="Warning"/> event, journaled as a notice).</summary>
    public Action<string>? OnWarning { get; init; }

    /// <summary>Tell the person something a tool found that did not stop it (hidden characters in files a command wrote, #21).</summary>
    public void ReportWarning(string message) => OnWarning?.Invoke(message);

    /// <summary>Tell the front ends that <paramref name="path"/> (workspace-relative) was "created", "modified" or "deleted".</summary>
    public void ReportFileChanged(string path, string change) => OnFileChanged?.Invoke(path, change);
}
