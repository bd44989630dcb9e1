using Microsoft.Extensions.AI;

namespace Sov.Core.Sessions;

/// <summary>
/// A saved conversation as loaded: its workspace and model, the messages, and what could not be loaded
/// (<see cref="Warnings"/>: a torn last line cut on resume, unreadable lines skipped), for the front end to show.
/// </summary>
public sealed record SessionHistory(string Workspace, string Model, List<ChatMessage> Messages, IReadOnlyList<string> Warnings)
{
    /// <summary>The torn last line cut when the session was resumed (journal it), or null.</summary>
    public TornTail? Torn { get; init; }

    /// <summary>Notes for the model saved after the last message (an undo made since, #14): prepend them to the next prompt.</summary>
    public IReadOnlyList<string> PendingNotes { get; init; } = [];
}
