using Sov.Cli.Terminal;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;

namespace Sov.Cli.Interactive.Slash;

/// <summary>
/// <c>/undo</c>: the session undoes its last turn (#14: the loop owns it and journals it); this shows what was restored,
/// and the model is told with the next prompt (the note is saved in the session file too).
/// </summary>
internal sealed class UndoTurnCommand : ISlashCommand
{
    public IReadOnlyList<string> Names { get; } = ["undo"];

    public async Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken)
    {
        if (await session.Driver.DriveAsync(new Undo(), cancellationToken).ConfigureAwait(false) is not UndoCompleted done)
        {
            return null;
        }

        var surface = session.Surface;
        switch (done.Outcome)
        {
            case UndoOutcome.Failed:
                surface.WriteLine(done.Message ?? "Undo failed.", Style.Error);
                return null;
            case UndoOutcome.Nothing:
                surface.WriteLine("Nothing to undo.", Style.Dim);
                return null;
        }

        RestoredFiles.Show(surface, done.Restored, done.Removed, done.Skipped, "the turn created");

        surface.WriteLine($"Undid the last turn: {done.Restored.Count} restored, {done.Removed.Count} removed, {done.Skipped.Count} left alone.", Style.Dim);
        if (done.Note is { } note)
        {
            session.Store.AddNote(note);
        }

        return null;
    }
}
