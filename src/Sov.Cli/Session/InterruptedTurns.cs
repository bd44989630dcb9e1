using Microsoft.Extensions.AI;
using Sov.Core.Files.Checkpoints;

namespace Sov.Cli.Session;

/// <summary>
/// Crash recovery at a session's start, the same for both front doors (#13.7): turns whose process died
/// mid-turn become undoable checkpoints and the person is told which files they changed; a resumed session
/// whose own last turn was interrupted tells the model so, once, in a short note before its next prompt.
/// </summary>
internal static class InterruptedTurns
{
    private const string NoteStart = "[Sovereign: the previous turn was interrupted";
    private const int Listed = 20;

    /// <summary>Recovers interrupted turns; returns one line for the person per turn found (or why none could be checked).</summary>
    public static IReadOnlyList<string> Recover(CheckpointStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        try
        {
            return [.. store.RecoverInterrupted().Select(t =>
                $"The last turn in this workspace was interrupted before it finished (Sovereign was stopped); it changed {List(t.Paths)}. " +
                "Run 'sov undo' to restore them as they were before that turn, or 'sov --continue' to carry on.")];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return [$"Could not check for a turn a crash left unfinished ({Core.PlainErrors.Describe(e)}); 'sov undo' retries it."];
        }
    }

    /// <summary>
    /// The note for the model when <paramref name="session"/> is resumed and its newest checkpoint is an
    /// interrupted turn of that session not yet noted in <paramref name="history"/>; null otherwise.
    /// </summary>
    public static string? NoteFor(CheckpointStore store, string session, IReadOnlyList<ChatMessage> history)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(history);
        CheckpointManifest? latest;
        try
        {
            latest = store.Latest();
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // an unreadable manifest is sov undo's to report, not a reason to refuse a session
        }

        if (latest is not { Interrupted: true, Turn: { } turn } || (latest.Session is { } owner && owner != session))
        {
            return null;
        }

        var marker = $"(turn {turn[..Math.Min(8, turn.Length)]})";
        if (history.Any(m => m.Text.Contains(NoteStart, StringComparison.Ordinal) && m.Text.Contains(marker, StringComparison.Ordinal)))
        {
            return null;
        }

        return $"{NoteStart} {marker}: Sovereign was stopped before it finished, and what was said and done in it after the last saved message is lost. " +
            $"It had changed (or was about to change) {List(latest.Entries.Select(e => e.Path).ToList())}; read them again before relying on their content.]";
    }

    /// <summary>The prompt with the note before it, when there is one.</summary>
    public static string WithNote(string? note, string prompt) => note is null ? prompt : note + "\n\n" + prompt;

    private static string List(IReadOnlyList<string> paths) =>
        string.Join(", ", paths.Take(Listed)) + (paths.Count > Listed ? $" and {paths.Count - Listed} more" : "");
}
