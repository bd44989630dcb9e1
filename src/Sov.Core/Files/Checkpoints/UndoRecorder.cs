namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// The session's link to undo: the current turn's checkpoint, begun on the first change of a turn and
/// stored when the front end ends the turn. Tools share one recorder.
/// </summary>
public sealed class UndoRecorder(CheckpointStore store)
{
    private readonly Lock _gate = new();
    private TurnCheckpoint? _turn;

    public CheckpointStore Store { get; } = store;

    /// <summary>The session the turns belong to (named in their checkpoints, so a resumed session learns of its own interrupted turn).</summary>
    public string? Session { get; set; }

    /// <summary>The checkpoint of the running turn.</summary>
    public TurnCheckpoint Turn
    {
        get
        {
            lock (_gate)
            {
                return _turn ??= Store.BeginTurn(Session);
            }
        }
    }

    /// <summary>Stores the turn's changes (if any) for <c>sov undo</c> and starts afresh.</summary>
    public void EndTurn()
    {
        TurnCheckpoint? turn;
        lock (_gate)
        {
            turn = _turn;
            _turn = null;
        }

        turn?.Commit();
    }
}
