using Sov.Core.Audit;
using Sov.Core.Files;
using Sov.Core.Files.Checkpoints;
using Sov.Core.Processes;

namespace Sov.Core.Tools.Editing;

/// <summary>
/// What the writing tools share in a session: the file editor over the workspace, the process border,
/// the undo recorder, and how to ask the person about hidden characters in written text (null when
/// nobody can be asked, as in <c>sov exec</c>: such text is then refused).
/// </summary>
public sealed class BorderServices(Workspace workspace, IShellRunner shell, UndoRecorder undo)
{
    public Workspace Workspace { get; } = workspace;

    public FileEditor Editor { get; } = new(workspace);

    public IShellRunner Shell { get; } = shell;

    public UndoRecorder Undo { get; } = undo;

    /// <summary>Asks the person a yes/no question (the text shown revealed); null when headless.</summary>
    public Func<string, CancellationToken, Task<bool>>? AskAsync { get; set; }

    /// <summary>Where file writes and shell commands are journaled (the session's journal); null records nothing.</summary>
    public Action<IJournalRecord>? Record { get; set; }

    /// <summary>
    /// The paths a shell command must not see because read rules hold them back (see <c>ReadMasks</c>); null when
    /// there are no read rules. Null from the function means too many to mask: the command is refused.
    /// </summary>
    public Func<CancellationToken, IReadOnlyList<string>?>? ShellMasks { get; set; }

    /// <summary>The plan the model keeps with the todo tool, shown to the person.</summary>
    public TodoList Todos { get; } = new();

    /// <summary>The session's writing tools: write_file, edit_file, shell, todo.</summary>
    public IEnumerable<ITool> Tools() => [new WriteFileTool(this), new EditFileTool(this), new ShellTool(this), new TodoTool(this)];
}
