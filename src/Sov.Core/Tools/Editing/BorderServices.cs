using Sov.Core.Audit;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;
using Sov.Core.Processes;

namespace Sov.Core.Tools.Editing;

/// <summary>
/// What the writing tools share in a session: the file editor over the workspace, the process border,
/// the undo recorder, where writes and commands are journaled and what a command must not see; all given at
/// construction (#14: no delegates set afterwards). The person is asked about hidden characters in written text
/// through the tool context's <see cref="ToolContext.AskAsync"/> (an approval event), not from here.
/// </summary>
/// <param name="record">Where file writes and shell commands are journaled (the session's journal); null records nothing.</param>
/// <param name="shellMasks">
/// The paths a shell command must not see because read rules hold them back (see <c>ReadMasks</c>); null when
/// there are no read rules. Null from the function means too many to mask: the command is refused.
/// </param>
/// <param name="fileAccess">Where the file tools read and write a named file once the border judged it (null: the disk, <see cref="WorkspaceFileAccess"/>).</param>
public sealed class BorderServices(Workspace workspace, IShellRunner shell, UndoRecorder undo,
    Action<IJournalRecord>? record = null, Func<CancellationToken, IReadOnlyList<string>?>? shellMasks = null, IFileAccess? fileAccess = null)
{
    public Workspace Workspace { get; } = workspace;

    /// <summary>Where the file tools read and write a named file (the disk, or the editor's buffers under <c>sov acp</c>, #18).</summary>
    public IFileAccess FileAccess { get; } = fileAccess ?? new WorkspaceFileAccess(workspace);

    public FileEditor Editor { get; } = new(workspace, fileAccess);

    public IShellRunner Shell { get; } = shell;

    public UndoRecorder Undo { get; } = undo;

    /// <summary>Where file writes and shell commands are journaled; null records nothing.</summary>
    public Action<IJournalRecord>? Record { get; } = record;

    /// <summary>The paths a shell command must not see (null: no read rules; null from it: too many to mask).</summary>
    public Func<CancellationToken, IReadOnlyList<string>?>? ShellMasks { get; } = shellMasks;

    /// <summary>The plan the model keeps with the todo tool, shown to the person.</summary>
    public TodoList Todos { get; } = new();

    /// <summary>The session's writing tools: write_file, edit_file, shell, todo.</summary>
    public IEnumerable<ITool> Tools() => [new WriteFileTool(this), new EditFileTool(this), new ShellTool(this), new TodoTool(this)];
}
