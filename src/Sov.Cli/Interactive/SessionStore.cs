using Microsoft.Extensions.AI;
using Sov.Cli.Session;
using Sov.Cli.Terminal;
using Sov.Core.Agent;
using Sov.Core.Sessions;

namespace Sov.Cli.Interactive;

/// <summary>
/// The terminal session's file under the session's one id (#14): the messages appended, fsynced, as each turn ends;
/// replaced by the summary after a compaction or emptied by /clear (the file keeps what came before); and the notes
/// for the model (an interrupted last turn, an undo) that the next prompt carries.
/// </summary>
internal sealed class SessionStore(SessionFile file, AgentSession session) : IDisposable
{
    private readonly List<string> _pendingNotes = [];
    private int _saved;

    public string Id => file.Id;

    /// <summary>The note about a last turn a killed run left unfinished, until the next prompt carries it.</summary>
    public string? InterruptedNote { get; private set; }

    /// <summary>A resumed session's history, its notes saved since its last message and the interrupted turn's note.</summary>
    public void Resumed(IReadOnlyList<ChatMessage> history, IEnumerable<string> pending, string? interruptedNote)
    {
        _saved = history.Count;
        _pendingNotes.AddRange(pending);
        InterruptedNote = interruptedNote;
    }

    /// <summary>Whether the conversation came from the file (a resumed session).</summary>
    public bool HasSaved => _saved > 0;

    /// <summary>The notes the next prompt carries (null: none), taken once.</summary>
    public string? TakeNotes()
    {
        var notes = UndoNotes.Join([InterruptedNote, .. _pendingNotes]);
        InterruptedNote = null;
        _pendingNotes.Clear();
        return notes;
    }

    /// <summary>A note for the model (an undo): saved in the file, so a session continued elsewhere carries it too.</summary>
    public void AddNote(string note)
    {
        file.AppendNote(note);
        _pendingNotes.Add(note);
    }

    /// <summary>Appends the messages of the turn that just ended to the session file, fsynced.</summary>
    public void Save()
    {
        var history = session.History;
        if (history.Count > _saved)
        {
            file.Append(history.Skip(_saved).ToList());
            _saved = history.Count;
        }
    }

    /// <summary>The conversation was replaced (compacted, cleared): the file starts again from it.</summary>
    public void Replaced()
    {
        file.Reset([.. session.History]);
        _saved = session.History.Count;
    }

    public void Dispose() => file.Dispose();

    /// <summary>The session file under the session's one id (#14): the one <see cref="PreparedAgent"/> continues, or a new one.</summary>
    public static (SessionFile File, List<ChatMessage> History, IReadOnlyList<string> Pending) Open(CliContext context, PreparedAgent agent, InteractiveOptions options, TerminalSurface surface)
    {
        if (options.ResumeId is null && (options.Continue || options.ResumeGiven))
        {
            if (agent.Listed.Count == 0)
            {
                surface.WriteLine("No earlier session in this workspace: starting a new one.", Style.Dim);
            }
            else if (options.ResumeGiven)
            {
                surface.WriteLine("Sessions in this workspace (newest first):", Style.Dim);
                foreach (var s in agent.Listed.Take(10))
                {
                    surface.WriteLine($"  {s.Id}  {s.Messages,4} messages  {s.FirstPrompt}");
                }
            }
        }

        var (file, loaded) = SessionResume.OpenOrCreate(context, agent);
        if (loaded is null)
        {
            return (file, [], []);
        }

        // What could not be loaded (a torn last line, #13.3) is shown; SessionResume journaled it.
        foreach (var warning in loaded.Warnings)
        {
            surface.WriteLine("⚠ " + TerminalSafe.Line(warning), Style.Warning);
        }

        surface.WriteLine($"Resumed {file.Id}: {loaded.Messages.Count} messages.", Style.Dim);
        return (file, loaded.Messages, loaded.PendingNotes);
    }
}
